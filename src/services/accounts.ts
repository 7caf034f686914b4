import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newId } from '../domain/ids.js';
import { type Actor, isRole, ROLES, type Role } from '../policies/roles.js';
import { appendAudit } from '../store/audit.js';
import type { Database } from '../store/schema.js';

// OWASP's minimum for scrypt (N=2^17, r=8, p=1) costs ~128 MiB per hash; 2^15 keeps login at tens of ms.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 32 } as const;
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
export const MIN_PASSWORD_LENGTH = 10;
const TOKEN_PREFIX = 'vgl_';

export class AccountError extends Error {
  constructor(
    message: string,
    readonly code: 'invalid_user' | 'user_exists' | 'weak_password' | 'invalid_role',
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

function scryptAsync(
  password: string,
  salt: Buffer,
  p: { N: number; r: number; p: number; keylen: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, p.keylen, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const got = await scryptAsync(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    keylen: expected.length,
  });
  return timingSafeEqual(got, expected);
}

/** Session and API tokens are stored only as this hash. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface UserView {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
}

function userView(r: Database['users']): UserView {
  return {
    id: r.id,
    name: r.name,
    role: r.role as Role,
    createdAt: r.created_at,
    disabled: r.disabled_at !== null,
  };
}

export async function createUser(
  db: Kysely<Database>,
  input: { name: string; role: string; password: string },
  actor: string,
): Promise<UserView> {
  const name = input.name.trim();
  if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(name))
    throw new AccountError('a user name is 2–64 letters, digits, ".", "_", "-" or "@"', 'invalid_user');
  if (!isRole(input.role))
    throw new AccountError(`role must be one of ${ROLES.join(', ')}, got "${input.role}"`, 'invalid_role');
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw new AccountError(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`, 'weak_password');
  const now = new Date().toISOString();
  const row = {
    id: newId('u'),
    name,
    role: input.role,
    password_hash: await hashPassword(input.password),
    created_at: now,
    disabled_at: null,
  };
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst();
    if (taken) throw new AccountError(`a user "${name}" already exists`, 'user_exists');
    await trx.insertInto('users').values(row).execute();
    await appendAudit(trx, {
      actor,
      action: 'user.created',
      entityType: 'user',
      entityId: row.id,
      after: { name, role: row.role },
    });
    return userView(row);
  });
}

/** Sets a new password for an existing user (audited; the hash never enters the log). */
export async function setPassword(
  db: Kysely<Database>,
  name: string,
  password: string,
  actor: string,
): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AccountError(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`, 'weak_password');
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst();
    if (!user) throw new AccountError(`no user "${name}"`, 'invalid_user');
    await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', user.id).execute();
    await appendAudit(trx, { actor, action: 'user.password_set', entityType: 'user', entityId: user.id });
  });
}

export async function listUsers(db: Kysely<Database>): Promise<UserView[]> {
  return (await db.selectFrom('users').selectAll().orderBy('name').execute()).map(userView);
}

/** Checks a name and password; null for any mismatch (which one is not revealed). */
export async function authenticate(
  db: Kysely<Database>,
  name: string,
  password: string,
): Promise<UserView | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('name', '=', name)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  // Hash anyway for unknown names, so response time does not tell which names exist.
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  return row && ok ? userView(row) : null;
}
const DUMMY_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(
  db: Kysely<Database>,
  userId: string,
  now = Date.now(),
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + SESSION_TTL_MS).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: tokenHash(token),
      user_id: userId,
      created_at: new Date(now).toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', tokenHash(token)).execute();
}

async function actorFor(db: Kysely<Database>, userId: string): Promise<Actor> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return u && isRole(u.role) ? { kind: 'user', id: u.id, name: u.name, role: u.role } : null;
}

export async function actorForSession(db: Kysely<Database>, token: string, now = Date.now()): Promise<Actor> {
  const s = await db
    .selectFrom('sessions')
    .select(['user_id', 'expires_at'])
    .where('id', '=', tokenHash(token))
    .executeTakeFirst();
  if (!s || s.expires_at <= new Date(now).toISOString()) return null;
  return actorFor(db, s.user_id);
}

export interface TokenView {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** A new API token for scripts; the token itself is shown once and never stored. */
export async function createApiToken(
  db: Kysely<Database>,
  userId: string,
  label: string,
): Promise<{ token: string; view: TokenView }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const now = new Date().toISOString();
  const id = newId('t');
  await db
    .insertInto('api_tokens')
    .values({
      id,
      user_id: userId,
      label: label.slice(0, 200),
      token_hash: tokenHash(token),
      created_at: now,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { token, view: { id, label, createdAt: now, lastUsedAt: null } };
}

export async function actorForApiToken(db: Kysely<Database>, token: string): Promise<Actor> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const t = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id'])
    .where('token_hash', '=', tokenHash(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return t ? actorFor(db, t.user_id) : null;
}

export async function listApiTokens(db: Kysely<Database>, userId: string): Promise<TokenView[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

export async function revokeApiToken(
  db: Kysely<Database>,
  userId: string,
  tokenId: string,
): Promise<boolean> {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function findUserByName(db: Kysely<Database>, name: string): Promise<UserView | null> {
  const r = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
  return r ? userView(r) : null;
}
