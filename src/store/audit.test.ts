import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scratchStore } from '../../test/support/fixtures.js';
import { appendAudit, verifyAudit } from './audit.js';

test('an entry edited behind Vigil’s back is named by verify', async (t) => {
  const store = await scratchStore(t);
  for (let i = 0; i < 5; i++)
    await appendAudit(store.db, {
      actor: 'a',
      action: 'x.changed',
      entityType: 'x',
      entityId: `x${i}`,
      after: { i },
    });
  assert.deepEqual((await verifyAudit(store.db)).problems, []);
  await store.db.updateTable('audit_log').set({ after: '{"i":99}' }).where('seq', '=', 3).execute();
  const v = await verifyAudit(store.db);
  assert.equal(v.entries, 5);
  assert.deepEqual(
    v.problems.map((p) => p.seq),
    [3],
  );
});

test('a deleted entry breaks the chain at the next one', async (t) => {
  const store = await scratchStore(t);
  for (let i = 0; i < 4; i++)
    await appendAudit(store.db, { actor: 'a', action: 'x.changed', entityType: 'x', entityId: `x${i}` });
  await store.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
  const v = await verifyAudit(store.db);
  assert.ok(v.problems.some((p) => p.seq === 3));
});

test('a rewritten entry with a recomputed own hash still breaks the link to the next', async (t) => {
  const store = await scratchStore(t);
  for (let i = 0; i < 3; i++)
    await appendAudit(store.db, { actor: 'a', action: 'x.changed', entityType: 'x', entityId: `x${i}` });
  const { auditRowHash } = await import('./audit.js');
  const row = await store.db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '=', 2)
    .executeTakeFirstOrThrow();
  const forged = { ...row, actor: 'mallory' };
  const { hash: _old, ...rest } = forged;
  await store.db
    .updateTable('audit_log')
    .set({ actor: 'mallory', hash: auditRowHash({ ...rest, seq: Number(rest.seq) }) })
    .where('seq', '=', 2)
    .execute();
  const v = await verifyAudit(store.db);
  assert.deepEqual(
    v.problems.map((p) => p.seq),
    [3],
  );
});
