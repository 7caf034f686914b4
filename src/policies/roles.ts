/** Who may do what. One table, so every rule is in one place and a test can walk it. */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A signed-in user, or null for an anonymous reader. */
export type Actor = { kind: 'user'; id: string; name: string; role: Role } | null;

export const PERMISSIONS = {
  /** Incidents in any review status (anonymous readers see published ones only). */
  'incidents:read-unpublished': ['viewer', 'analyst', 'admin'],
  'reports:read': ['viewer', 'analyst', 'admin'],
  'sources:read': ['viewer', 'analyst', 'admin'],
  /** Sensitive sources' identities, victims' details, exact coordinates where flagged. */
  'sensitive:read': ['analyst', 'admin'],
  'reports:create': ['analyst', 'admin'],
  'incidents:review': ['analyst', 'admin'],
  'jobs:read': ['analyst', 'admin'],
  'users:manage': ['admin'],
  'tokens:own': ['viewer', 'analyst', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission): boolean {
  return actor !== null && (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function actorName(actor: Actor): string {
  return actor ? actor.name : 'anonymous';
}
