import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIsoDay, parseIsoDay } from './dates.js';

test('isIsoDay answers as parseIsoDay does: every day and non-day of years around the edges, and garbled forms', () => {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const cases: string[] = [];
  for (const y of [0, 1, 99, 100, 1600, 1700, 1900, 1999, 2000, 2016, 2019, 2020, 2100, 2400, 9999])
    for (let m = 0; m <= 13; m++)
      for (let d = 0; d <= 32; d++) cases.push(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
  cases.push(
    '',
    '2016-1-01',
    '2016-01-1',
    '2016/01/01',
    '2016-01-01 ',
    ' 2016-01-01',
    '2016-0a-01',
    '２０１６-01-01',
  );
  cases.push('20160101xx', '2016-01-01T00', '-016-01-01', '+016-01-01', '2016--1-01');
  let days = 0;
  for (const c of cases) {
    assert.equal(isIsoDay(c), parseIsoDay(c) !== null, c);
    if (isIsoDay(c)) days++;
  }
  // Twelve years from 100 on (0, 1 and 99 refused); 1600, 2000, 2016, 2020 and 2400 are leap years,
  // 100, 1700, 1900 and 2100 are not.
  assert.equal(days, 7 * 365 + 5 * 366);
  assert.ok(isIsoDay('2016-02-29') && !isIsoDay('2017-02-29') && !isIsoDay('2017-02-30'));
});
