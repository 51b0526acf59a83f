/** Range checks for int and float options; messages read "<option>: -1 must be at least 0". */
import { type Check, bad, ok, show } from './check.js';

export const anyNumber: Check<number, number> = ok;

/**
 * Juju ints are 64-bit; beyond 2^53 the JSON number config-get prints is rounded when parsed,
 * so the charm would render a different value than the operator set (or an exponent).
 */
export const exactInteger: Check<number, number> = (n) =>
  Number.isSafeInteger(n) ? ok(n) : bad(`${show(n)} is out of range (at most ±${Number.MAX_SAFE_INTEGER})`);

export const atLeast =
  (min: number): Check<number, number> =>
  (n) =>
    n >= min ? ok(n) : bad(`${show(n)} must be at least ${min}`);

export const greaterThan =
  (min: number): Check<number, number> =>
  (n) =>
    n > min ? ok(n) : bad(`${show(n)} must be greater than ${min}`);

export const between =
  (min: number, max: number): Check<number, number> =>
  (n) =>
    n >= min && n <= max ? ok(n) : bad(`${show(n)} must be between ${min} and ${max}`);

/** A number in (min, max]. */
export const aboveAtMost =
  (min: number, max: number): Check<number, number> =>
  (n) =>
    n > min && n <= max ? ok(n) : bad(`${show(n)} must be greater than ${min} and at most ${max}`);

/** A fraction in (0, 1], as Ceph wants for compression-required-ratio. */
export const fraction = aboveAtMost(0, 1);
