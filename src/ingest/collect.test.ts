import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { scratchDir } from '../../test/support/fixtures.js';
import { type Collected, listInputs, MAX_REPORT_BYTES, readInputs } from './collect.js';

async function collect(file: string): Promise<Collected[]> {
  const out: Collected[] = [];
  for await (const c of readInputs(file)) out.push(c);
  return out;
}

test('directories are walked recursively and only known report types are taken', async (t) => {
  const dir = scratchDir(t);
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  writeFileSync(join(dir, 'a', 'one.md'), '# One\ntext');
  writeFileSync(join(dir, 'a', 'b', 'two.txt'), 'text');
  writeFileSync(join(dir, 'a', 'b', 'three.html'), '<p>text</p>');
  writeFileSync(join(dir, 'a', 'notes.pdf'), 'x');
  const { files, errors, skipped } = await listInputs([dir]);
  assert.deepEqual(
    files.map((f) => f.slice(dir.length + 1)),
    ['a/b/three.html', 'a/b/two.txt', 'a/one.md'],
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(
    skipped,
    [join(dir, 'a', 'notes.pdf')],
    'a file of another type is passed over, and named',
  );
});

test('a missing path and an unsupported file named explicitly are errors naming them', async (t) => {
  const dir = scratchDir(t);
  writeFileSync(join(dir, 'x.pdf'), 'x');
  const { errors } = await listInputs([join(dir, 'nope.txt'), join(dir, 'x.pdf')]);
  assert.equal(errors.length, 2);
  assert.match(errors[0]?.where ?? '', /nope\.txt/);
  assert.equal(errors[0]?.message, 'cannot read: no such file or directory');
  assert.match(errors[1]?.message ?? '', /unsupported file type/);
});

test('front matter sets the report fields; markdown syntax is removed from the text', async (t) => {
  const dir = scratchDir(t);
  const file = join(dir, 'r.md');
  writeFileSync(
    file,
    '---\ntitle: Strike on a market\npublished: 2017-03-22\nsource: Local Network\nsource_kind: local\nlanguage: en\n---\n**At least 12** civilians were killed, [the network](http://example.org) said.\n',
  );
  const [c] = await collect(file);
  assert.ok(c?.ok);
  if (!c?.ok) return;
  assert.equal(c.report.title, 'Strike on a market');
  assert.equal(c.report.published, '2017-03-22');
  assert.deepEqual(c.report.source, { name: 'Local Network', kind: 'local' });
  assert.equal(c.report.text, 'At least 12 civilians were killed, the network said.');
});

test('a JSONL line gives the country it reports on; one that is no country code is an error naming the line', async (t) => {
  const dir = scratchDir(t);
  const file = join(dir, 'r.jsonl');
  writeFileSync(
    file,
    `${JSON.stringify({ text: 'An air strike on Ariha.', country: 'sy' })}\n${JSON.stringify({ text: 'x', country: 'Syria' })}\n`,
  );
  const [good, bad] = await collect(file);
  assert.ok(good?.ok);
  if (good?.ok) assert.equal(good.report.country, 'SY');
  assert.ok(bad && !bad.ok);
  if (bad && !bad.ok) assert.match(bad.error.where, /r\.jsonl:2 \(country\)/);
});

test('an impossible publication date is an error naming the file and field', async (t) => {
  const dir = scratchDir(t);
  const file = join(dir, 'bad.md');
  writeFileSync(file, '---\npublished: 2017-02-30\n---\ntext');
  const [c] = await collect(file);
  assert.ok(c && !c.ok);
  if (!c || c.ok) return;
  assert.match(c.error.where, /bad\.md:2 \(published\)/);
  assert.match(c.error.message, /not a real date: 2017-02-30/);
});

test('broken front matter YAML is an error with a line', async (t) => {
  const dir = scratchDir(t);
  const file = join(dir, 'bad.md');
  writeFileSync(file, '---\ntitle: [unclosed\n---\ntext');
  const [c] = await collect(file);
  assert.ok(c && !c.ok);
  if (!c || c.ok) return;
  assert.match(c.error.where, /bad\.md:\d+ \(front matter\)/);
});

test('an invalid JSONL line is an error naming file and line; the other lines are read', async (t) => {
  const dir = scratchDir(t);
  const file = join(dir, 'r.jsonl');
  writeFileSync(
    file,
    [
      JSON.stringify({ id: 'a', published: '2017-03-01', text: 'one' }),
      '{"id": "b", "text": ',
      JSON.stringify({ id: 'c', published: '2017-13-01', text: 'three' }),
      JSON.stringify({ id: 'd', text: 'four' }),
    ].join('\n'),
  );
  const items = await collect(file);
  assert.deepEqual(
    items.map((i) => (i.ok ? `ok ${i.report.externalId}` : i.error.where)),
    ['ok a', `${file}:2`, `${file}:3 (published)`, 'ok d'],
  );
});

test('invalid UTF-8 and HTML with no text are clear errors', async (t) => {
  const dir = scratchDir(t);
  writeFileSync(join(dir, 'bin.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]));
  writeFileSync(join(dir, 'empty.html'), '<html><body><div><script>var x=1</script></div></body></html>');
  const [bin] = await collect(join(dir, 'bin.txt'));
  const [empty] = await collect(join(dir, 'empty.html'));
  assert.ok(bin && !bin.ok && /UTF-8/.test(bin.error.message));
  assert.ok(empty && !empty.ok && /no readable text/.test(empty.error.message));
});

test('U+0000 in a text file, an HTML file or a JSONL field is an error naming where it is', async (t) => {
  const dir = scratchDir(t);
  writeFileSync(join(dir, 'nul.txt'), 'Five killed in Idlib.\u0000 More to follow.');
  writeFileSync(join(dir, 'nul.html'), '<html><body><p>Five killed\u0000 in Idlib.</p></body></html>');
  const jsonl = join(dir, 'r.jsonl');
  writeFileSync(
    jsonl,
    [
      JSON.stringify({ id: 'a', text: 'Five killed in Idlib.', title: 'Strike\u0000' }),
      JSON.stringify({ id: 'b', text: 'Three killed in Aleppo.' }),
    ].join('\n'),
  );
  for (const name of ['nul.txt', 'nul.html']) {
    const [item] = await collect(join(dir, name));
    assert.ok(item && !item.ok && /NUL character/.test(item.error.message), name);
    assert.equal(item.error.where, join(dir, name));
  }
  const items = await collect(jsonl);
  assert.deepEqual(
    items.map((i) => (i.ok ? `ok ${i.report.externalId}` : i.error.where)),
    [`${jsonl}:1 (title)`, 'ok b'],
  );
});

test('a report whose source name is longer than 300 characters is an error naming the field', async (t) => {
  const file = join(scratchDir(t), 'r.jsonl');
  writeFileSync(
    file,
    [
      JSON.stringify({
        id: 'a',
        text: 'Five killed in Idlib.',
        source: { name: 'S'.repeat(301), kind: 'news' },
      }),
      JSON.stringify({
        id: 'b',
        text: 'Five killed in Idlib.',
        source: { name: 'S'.repeat(300), kind: 'news' },
      }),
    ].join('\n'),
  );
  const items = await collect(file);
  assert.deepEqual(
    items.map((i) => (i.ok ? `ok ${i.report.externalId}` : i.error.where)),
    [`${file}:1 (source)`, 'ok b'],
  );
});

test('broken HTML still yields its article text', async (t) => {
  const dir = scratchDir(t);
  const file = join(dir, 'broken.html');
  const para = 'Shelling hit the old market on Tuesday, killing at least nine civilians, residents said. ';
  writeFileSync(
    file,
    `<html><head><title>Market shelled</title><body><nav>Home | World</nav><article><h1>Market shelled</h1></span><p>${para.repeat(4)}<p>${para}</article><div class="ad">Buy now`,
  );
  const [c] = await collect(file);
  assert.ok(c?.ok);
  if (!c?.ok) return;
  assert.match(c.report.text, /killing at least nine civilians/);
  assert.doesNotMatch(c.report.text, /Buy now/);
});

test('a .txt or .md file with no text, or only front matter, is an error, as an HTML page with none is', async (t) => {
  const dir = scratchDir(t);
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), '  \n\n');
  writeFileSync(join(dir, 'header.md'), '---\ntitle: An air strike\npublished: 2017-03-20\n---\n\n');
  const found = [];
  for (const name of ['empty.txt', 'blank.txt', 'header.md']) {
    const [item] = await collect(join(dir, name));
    found.push(item && !item.ok ? `${item.error.where}: ${item.error.message}` : 'stored');
  }
  assert.deepEqual(found, [
    `${join(dir, 'empty.txt')} (text): no report text: the file is empty`,
    `${join(dir, 'blank.txt')} (text): no report text: the file is empty`,
    `${join(dir, 'header.md')} (text): no report text after the front matter`,
  ]);
});

test('a bad front matter field is reported at its line', async (t) => {
  const dir = scratchDir(t);
  const file = join(dir, 'r.md');
  writeFileSync(
    file,
    '---\ntitle: An air strike\nsource: Levant Wire\ndate: 2019-02-30\n---\nFive killed.\n',
  );
  const [bad] = await collect(file);
  assert.equal(
    bad && !bad.ok && `${bad.error.where}: ${bad.error.message}`,
    `${file}:4 (published): not a real date: 2019-02-30`,
  );
  writeFileSync(file, '---\r\nsource_kind: blog\r\nsource: X\r\n---\r\nFive killed.\r\n');
  const [kind] = await collect(file);
  assert.equal(kind && !kind.ok && kind.error.where, `${file}:2 (source_kind)`);
});

test('a directory named on the command line with nothing readable in it is an error naming it', async (t) => {
  const dir = scratchDir(t);
  mkdirSync(join(dir, 'empty'));
  mkdirSync(join(dir, 'scans'));
  writeFileSync(join(dir, 'scans', 'page.pdf'), 'x');
  mkdirSync(join(dir, 'ok', 'empty-inside'), { recursive: true });
  writeFileSync(join(dir, 'ok', 'r.txt'), 'text');
  const { files, errors } = await listInputs([join(dir, 'empty'), join(dir, 'scans'), join(dir, 'ok')]);
  assert.deepEqual(files, [join(dir, 'ok', 'r.txt')], 'an empty directory inside one named is no error');
  assert.deepEqual(
    errors.map((e) => `${e.where}: ${e.message}`),
    ['empty', 'scans'].map(
      (d) =>
        `${join(dir, d)}: no reports here: no .txt .md .markdown .html .htm .jsonl file in this directory`,
    ),
  );
});

test('a report may name its source as protected, in front matter or JSONL; a value other than true or false is an error at its line', async (t) => {
  const dir = scratchDir(t);
  const md = join(dir, 'r.md');
  writeFileSync(
    md,
    '---\nsource: Witness Network\nsource_kind: local\nsource_sensitive: true\n---\nShelling hit Ariha.\n',
  );
  const [a] = await collect(md);
  assert.ok(a?.ok);
  if (a?.ok) assert.deepEqual(a.report.source, { name: 'Witness Network', kind: 'local', sensitive: true });
  const jsonl = join(dir, 'r.jsonl');
  writeFileSync(
    jsonl,
    `${JSON.stringify({ text: 'Shelling hit Ariha.', source: { name: 'Witness Network', kind: 'local', sensitive: true } })}\n` +
      `${JSON.stringify({ text: 'Shelling hit Ariha again.', source: { name: 'Witness Network', sensitive: 'yes' } })}\n`,
  );
  const [b, c] = await collect(jsonl);
  assert.ok(b?.ok);
  if (b?.ok) assert.equal(b.report.source?.sensitive, true);
  assert.ok(c && !c.ok);
  if (c && !c.ok) {
    assert.match(c.error.where, /r\.jsonl:2/);
    assert.match(c.error.message, /expected true or false, got "yes"/);
    assert.equal(c.error.field, 'source.sensitive');
  }
  const bad = join(dir, 'bad.md');
  writeFileSync(bad, '---\nsource: Witness Network\nsource_sensitive: maybe\n---\nShelling hit Ariha.\n');
  const [d] = await collect(bad);
  assert.ok(d && !d.ok);
  if (d && !d.ok) assert.match(d.error.where, /bad\.md:3/);
});

test('a file or a JSONL line over the size limit is refused with its size and the limit, the rest read', async (t) => {
  const dir = scratchDir(t);
  const big = 'An air strike hit the market. '.repeat(Math.ceil((MAX_REPORT_BYTES + 1) / 30));
  writeFileSync(join(dir, 'big.txt'), big);
  const [file] = await collect(join(dir, 'big.txt'));
  assert.equal(file?.ok, false);
  const fileError = file && !file.ok ? file.error : null;
  assert.match(
    fileError?.message ?? '',
    /^the file is 20(\.\d)? MB \([\d,]+ bytes\); a report may be at most 20 MB/,
  );
  writeFileSync(
    join(dir, 'reports.jsonl'),
    `${JSON.stringify({ text: big })}\n${JSON.stringify({ text: 'A shell hit the school.' })}\n`,
  );
  const lines = await collect(join(dir, 'reports.jsonl'));
  assert.equal(lines.length, 2);
  const lineError = lines[0] && !lines[0].ok ? lines[0].error : null;
  assert.match(lineError?.message ?? '', /^the line is 20(\.\d)? MB/);
  assert.equal(lineError?.line, 1);
  assert.equal(lines[1]?.ok, true);
});
