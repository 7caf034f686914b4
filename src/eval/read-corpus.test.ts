import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { writePredictionsLine } from './predictions.js';
import { CorpusError, incidentsPathFor, readCorpus, readPredictions } from './read-corpus.js';
import { gold, pred, report } from './test-fixtures.js';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-eval-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const line = (v: unknown): string => `${JSON.stringify(v)}\n`;

test('incidentsPathFor: dev.jsonl -> dev-incidents.json beside it', () => {
  assert.equal(incidentsPathFor('/a/b/dev.jsonl'), '/a/b/dev-incidents.json');
  assert.equal(incidentsPathFor('seed-gold.jsonl'), 'seed-gold-incidents.json');
});

test('reads reports line by line, skipping blank lines, with the sibling incidents file', async () => {
  const file = join(dir, 'small.jsonl');
  await writeFile(file, `${line(report('r1', [gold()]))}\n${line(report('r2', []))}`);
  await writeFile(
    join(dir, 'small-incidents.json'),
    JSON.stringify([{ incident: 'G1', civilians_killed: null, reports: ['r1'] }]),
  );
  const c = await readCorpus(file);
  assert.deepEqual(
    c.reports.map((r) => r.id),
    ['r1', 'r2'],
  );
  assert.equal(c.incidents?.[0]?.incident, 'G1');
  assert.equal(c.incidentsPath, join(dir, 'small-incidents.json'));
});

test('no incidents file: incidents is null', async () => {
  const file = join(dir, 'lonely.jsonl');
  await writeFile(file, line(report('r1', [])));
  const c = await readCorpus(file);
  assert.equal(c.incidents, null);
  assert.equal(c.incidentsPath, null);
});

async function rejectsWith(p: Promise<unknown>, check: (e: CorpusError) => void): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof CorpusError, String(e));
    check(e);
    return true;
  });
}

test('an invalid line is reported with file, line number and field', async () => {
  const file = join(dir, 'bad.jsonl');
  await writeFile(
    file,
    `${line(report('r1', []))}\n${line({ ...report('r3', [gold()]), published: 'soon' })}`,
  );
  await rejectsWith(readCorpus(file), (e) => {
    assert.deepEqual([e.file, e.line, e.field], [file, 3, 'published']);
    assert.match(e.message, /bad\.jsonl:3: published:/);
  });
});

test('broken JSON and duplicate ids are located too', async () => {
  const broken = join(dir, 'broken.jsonl');
  await writeFile(broken, `${line(report('r1', []))}{"id": `);
  await rejectsWith(readCorpus(broken), (e) => assert.deepEqual([e.line, e.field], [2, null]));
  const dup = join(dir, 'dup.jsonl');
  await writeFile(dup, line(report('r1', [])) + line(report('r1', [])));
  await rejectsWith(readCorpus(dup), (e) => {
    assert.equal(e.line, 2);
    assert.match(e.message, /first on line 1/);
  });
});

test('an invalid incidents file names the file and the entry', async () => {
  const file = join(dir, 'inc.jsonl');
  await writeFile(file, line(report('r1', [])));
  await writeFile(
    join(dir, 'inc-incidents.json'),
    JSON.stringify([{ incident: 'G1', reports: 'r1', civilians_killed: null }]),
  );
  await rejectsWith(readCorpus(file), (e) => {
    assert.equal(e.file, join(dir, 'inc-incidents.json'));
    assert.equal(e.field, '[0].reports');
  });
});

test('readPredictions reads what writePredictionsLine wrote', async () => {
  const file = join(dir, 'pred.jsonl');
  const claims = [pred({ incident: 'V-3' })];
  await writeFile(file, writePredictionsLine('r1', claims) + writePredictionsLine('r2', []));
  const m = await readPredictions(file);
  assert.deepEqual([...m.keys()], ['r1', 'r2']);
  assert.deepEqual(m.get('r1'), claims);
});
