import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, vigil } from './support/cli.js';
import { scratchDir } from './support/fixtures.js';

// The bundled examples are what a new user sees first (`npm run demo`); examples/README.md says what
// each one shows. Each expectation below is a line of that table, read back from the store.

interface Range {
  min: number;
  max: number | null;
}
interface Incident {
  code: string;
  target: string | null;
  date: { from: string; to: string };
  placeName: string;
  country: string;
  event: string;
  belligerents: string[];
  civiliansKilled: Range | null;
  killed: Range | null;
  injured: Range | null;
}
interface Claim {
  hedged: boolean;
  children: Range | null;
  strikes: number | null;
  report: { origin: string };
}

test('the bundled examples give the incidents examples/README.md describes', (t) => {
  const db = join(scratchDir(t), 'examples.db');
  const run = vigil([
    '--db',
    db,
    'ingest',
    '--json',
    '--no-progress',
    join(REPO_ROOT, 'examples', 'reports'),
  ]);
  assert.equal(run.status, 0, run.stderr);
  const ingested = JSON.parse(run.stdout) as { failed: unknown[] };
  assert.deepEqual(ingested.failed, []);
  const list = vigil(['--db', db, 'incidents', '--json']);
  assert.equal(list.status, 0, list.stderr);
  const incidents = JSON.parse(list.stdout) as Incident[];
  const claimsOf = (i: Incident): Claim[] => {
    const shown = vigil(['--db', db, 'show', '--json', i.code]);
    assert.equal(shown.status, 0, shown.stderr);
    return (JSON.parse(shown.stdout) as { claims: Claim[] }).claims;
  };
  const find = (place: string, day: string): Incident => {
    const found = incidents.find((i) => i.placeName.includes(place) && i.date.from === day);
    assert.ok(
      found,
      `an incident at ${place} on ${day} among ${incidents.map((i) => `${i.placeName} ${i.date.from}`).join('; ')}`,
    );
    return found;
  };
  const from = (claims: Claim[]) => claims.map((c) => c.report.origin.split('/').at(-1)).sort();

  // 01–04 and 11: one coalition strike on Raqqa told five ways, grouped into one incident; "dozens"
  // is at least 24, and the strike release's count of strikes is kept apart from any toll.
  const raqqa = find('Raqqa', '2017-08-14');
  assert.deepEqual(raqqa.belligerents, ['us-led-coalition']);
  assert.equal(raqqa.civiliansKilled?.min, 24);
  const raqqaClaims = claimsOf(raqqa);
  assert.deepEqual(from(raqqaClaims), [
    '01-raqqa-strike-wire.md',
    '02-raqqa-strike-local.md',
    '03-raqqa-strike-ngo.md',
    '04-coalition-strike-release.md',
    '11-raqqa-strike-ar.md',
  ]);
  assert.ok(
    raqqaClaims.some((c) => c.strikes !== null && c.hedged),
    'the release: strikes, allegation unconfirmed',
  );
  // 02: a second strike, with injured only.
  const second = incidents.find((i) => i.placeName === 'Raqqa' && i !== raqqa);
  assert.ok(
    second?.injured && !second.civiliansKilled && !second.killed,
    'a second Raqqa strike, injured only',
  );

  // 05 and 12: the Ariha market strike in English and Arabic, "believed to be Russian", 12 and 14 dead.
  const ariha = find('Ariha', '2019-06-11');
  assert.deepEqual(ariha.belligerents, ['russia']);
  assert.equal(ariha.civiliansKilled?.min, 12);
  const arihaClaims = claimsOf(ariha);
  assert.deepEqual(from(arihaClaims), ['05-ariha-market-strike.md', '12-ariha-market-ar.md']);
  assert.ok(arihaClaims.every((c) => c.hedged));

  // 06: government shelling on an absolute date, children among the dead.
  const khan = find('Khan Sheikhoun', '2019-04-23');
  assert.equal(khan.event, 'shelling_artillery_missile');
  assert.deepEqual(khan.belligerents, ['syrian-government']);
  assert.deepEqual(khan.killed, { min: 7, max: 7 });
  assert.equal(claimsOf(khan)[0]?.children?.min, 3);

  // 07: a car bomb is a remote explosive; nobody claimed it; the town's officials suspect ISIS (said in
  // a sentence whose relative clauses name periods: "run by the SDF since 2016", "this year").
  const manbij = find('Manbij', '2018-10-05');
  assert.equal(manbij.event, 'remote_explosive');
  assert.equal(manbij.target, 'market', '"blew up on a busy market street"');
  assert.deepEqual(manbij.civiliansKilled, { min: 9, max: 9 });
  assert.deepEqual(manbij.injured, { min: 21, max: 21 });
  const manbijRoles = vigil(['--db', db, 'show', '--json', manbij.code]);
  assert.deepEqual(
    (
      JSON.parse(manbijRoles.stdout) as { belligerentRoles: { belligerent: string; role: string }[] }
    ).belligerentRoles.map((b) => [b.belligerent, b.role]),
    [['isis', 'suspected']],
  );

  // 08: two tolls (18 and 25); residents' unconfirmed blame on the coalition, so hedged; the
  // fighters-only car bomb is not coded.
  const mosul = find('Mosul', '2017-05-30');
  assert.equal(mosul.event, 'air_drone_strike');
  assert.equal(mosul.civiliansKilled?.min, 18);
  assert.equal(mosul.killed?.max, 25);
  assert.deepEqual(mosul.belligerents, ['us-led-coalition']);
  const mosulClaims = claimsOf(mosul);
  assert.equal(mosulClaims.length, 1);
  assert.ok(mosulClaims[0]?.hedged);
  assert.ok(
    !incidents.some((i) => i.country === 'IQ' && i !== mosul),
    'the fighters-only car bomb is not coded',
  );

  // 09: an "UNCONFIRMED" post.
  const hajin = find('Hajin', '2018-11-19');
  assert.deepEqual(hajin.killed, { min: 10, max: 10 });
  assert.equal(hajin.target, 'mosque', 'the strike "hit the mosque near the main roundabout"');
  assert.ok(claimsOf(hajin)[0]?.hedged);

  // 13: Douma shelled "yesterday" (the day before publication).
  const douma = find('Dūmā', '2018-02-20');
  assert.equal(douma.event, 'shelling_artillery_missile');
  assert.deepEqual(douma.belligerents, ['syrian-government']);
  assert.deepEqual(douma.civiliansKilled, { min: 16, max: 16 });

  // 10: totals only, no incident; so eight in all.
  assert.equal(incidents.length, 8, incidents.map((i) => `${i.placeName} ${i.date.from}`).join('; '));
});
