import { InvalidArgumentError } from 'commander';

/**
 * A parser for a whole-number option: "12" is 12; "-1", "1.5", "abc" or "" are refused, and
 * commander names the option and the value ("option '--limit <n>' argument '-1' is invalid").
 */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value: string) => {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!(n >= min && n <= max))
      throw new InvalidArgumentError(
        max === Number.MAX_SAFE_INTEGER
          ? `expected a whole number ≥ ${min}`
          : `expected a whole number from ${min} to ${max}`,
      );
    return n;
  };
}
