import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { vigil } from './support/cli.js';
import { scratchDir } from './support/fixtures.js';

// "Ariha" is both Jericho (Palestine) and Arīḩā (Idlib, Syria); the text names no country.
const REPORT = 'An air strike on Ariha on 3 May 2019 killed seven civilians, local medics said.\n';

function ingest(dir: string, name: string, args: string[], body = REPORT) {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, body);
  const run = vigil(['--db', join(dir, `${name}.db`), 'ingest', '--json', '--no-progress', ...args, file]);
  return { run, db: join(dir, `${name}.db`) };
}

test('vigil ingest --country reads a place named without its country in that country', (t) => {
  const dir = scratchDir(t);
  const none = ingest(dir, 'none', []);
  assert.equal(none.run.status, 0, none.run.stderr);
  assert.equal(JSON.parse(none.run.stdout).claims, 0, 'with no country, an ambiguous village stays unplaced');

  const sy = ingest(dir, 'sy', ['--country', 'sy']);
  assert.equal(sy.run.status, 0, sy.run.stderr);
  assert.equal(JSON.parse(sy.run.stdout).claims, 1);
  const list = vigil(['--db', sy.db, 'incidents', '--json']);
  assert.equal(list.status, 0, list.stderr);
  const [incident] = JSON.parse(list.stdout).incidents ?? JSON.parse(list.stdout);
  assert.equal(incident.country, 'SY');

  // Front matter names the country for its own report, and wins over the flag.
  const fm = ingest(dir, 'fm', ['--country', 'IQ'], `---\ncountry: SY\n---\n${REPORT}`);
  assert.equal(JSON.parse(fm.run.stdout).claims, 1);
  const fmList = JSON.parse(vigil(['--db', fm.db, 'incidents', '--json']).stdout);
  assert.equal((fmList.incidents ?? fmList)[0].country, 'SY');
});

test('a country that is not an ISO 3166-1 alpha-2 code is refused, naming where', (t) => {
  const dir = scratchDir(t);
  const flag = ingest(dir, 'flag', ['--country', 'Syria']);
  assert.notEqual(flag.run.status, 0);
  assert.match(flag.run.stderr, /--country.*ISO 3166-1 alpha-2.*"Syria"/s);
  const fm = ingest(dir, 'fm', [], `---\ncountry: XX\n---\n${REPORT}`);
  assert.equal(JSON.parse(fm.run.stdout).failed.length, 1);
  assert.match(JSON.parse(fm.run.stdout).failed[0].why, /"XX"/);
});
