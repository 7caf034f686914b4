import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { vigil } from './support/cli.js';
import { scratchDir } from './support/fixtures.js';

/** Bad input on the command line: a clear message naming the option or file, exit code 1, no stack trace. */
function refused(args: string[], expected: RegExp): void {
  const r = vigil(args);
  assert.equal(r.status, 1, `${args.join(' ')}: exit code\n${r.stderr}`);
  assert.match(r.stderr, expected, args.join(' '));
  assert.doesNotMatch(r.stderr, /\n\s+at /, `${args.join(' ')}: no stack trace`);
}

test('whole-number options refuse negative, fractional and non-numeric values, naming the option', (t) => {
  const db = join(scratchDir(t), 'v.db');
  for (const bad of ['-1', 'abc', '1.5'])
    refused(
      ['--db', db, 'incidents', '--limit', bad],
      new RegExp(`'--limit <n>' argument '${bad.replace('.', '\\.')}' is invalid`),
    );
  refused(
    ['--db', db, 'review', 'grade', 'V-000001', 'fair', '--expect-version', 'abc'],
    /'--expect-version <n>' argument 'abc'/,
  );
  refused(
    ['--db', db, 'import', '--format', 'ucdp', '--batch', '-5', 'x.csv'],
    /'--batch <rows>' argument '-5'/,
  );
  refused(['--db', db, 'serve', '--port', '99999'], /'--port <n>' argument '99999'/);
  const ok = vigil(['--db', db, 'incidents', '--limit', '3']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /0 incident\(s\)/);
});

test('an unknown status or event type in a filter is refused, not an empty listing', (t) => {
  const db = join(scratchDir(t), 'v.db');
  refused(
    ['--db', db, 'incidents', '--status', 'publised'],
    /unknown status "publised"; expected new, in_review/,
  );
  refused(
    ['--db', db, 'export', '--format', 'csv', '--event', 'airstrike'],
    /unknown event type "airstrike"/,
  );
  refused(['--db', db, 'review', 'list', '--status', 'bogus'], /unknown status "bogus"/);
});
