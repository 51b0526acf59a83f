/** Checks shared by string options: line safety, plain names, choices and lists. */
import { type Check, type Checked, bad, ok, show } from './check.js';

/**
 * Most string options end up as INI values or relation data, where a line break or NUL would
 * start a new line (and so could inject keys or sections). The value is not echoed: it may be
 * a secret, and it would break the status line anyway.
 */
export const singleLine: Check<string, string> = (text) =>
  /[\r\n\0]/.test(text) ? bad('must not contain a line break or NUL character') : ok(text);

const PLAIN_NAME = /^[A-Za-z0-9_.-]+$/;

/** Names that land in INI values, section names or URLs, where `[`, `=`, `:` or spaces make no sense. */
export const plainName: Check<string, string> = (text) =>
  PLAIN_NAME.test(text) ? ok(text) : bad(`${show(text)} is not a plain name (letters, digits, '_', '.', '-')`);

export const oneOf =
  <T extends string>(choices: readonly T[]): Check<string, T> =>
  (text) => {
    const choice = choices.find((c) => c === text);
    return choice === undefined ? bad(`${show(text)} is not one of: ${choices.join(', ')}`) : ok(choice);
  };

function every<T>(items: readonly string[], check: Check<string, T>): Checked<T[]> {
  const values: T[] = [];
  for (const item of items) {
    const result = check(item);
    if (!result.ok) return result;
    values.push(result.value);
  }
  return ok(values);
}

/** Space-separated items (any run of blanks separates). */
export const spaceList =
  <T>(item: Check<string, T>): Check<string, T[]> =>
  (text) =>
    every(text.trim().split(/\s+/), item);

/** Comma-separated items, each trimmed; an empty item (",," or a trailing comma) is an error. */
export const commaList =
  <T>(item: Check<string, T>): Check<string, T[]> =>
  (text) => {
    const items = text.split(',').map((i) => i.trim());
    return items.includes('') ? bad(`${show(text)} has an empty item between commas`) : every(items, item);
  };

export const distinct =
  <T>(list: Check<string, T[]>): Check<string, T[]> =>
  (text) => {
    const result = list(text);
    if (!result.ok) return result;
    const twice = result.value.find((v, i) => result.value.indexOf(v) !== i);
    return twice === undefined ? result : bad(`${show(twice)} is listed twice`);
  };

/** A list none of whose items is in `taken` (names something else already uses). */
export const noneOf =
  <T extends string>(taken: readonly string[], what: string) =>
  (list: Check<string, T[]>): Check<string, T[]> =>
  (text) => {
    const result = list(text);
    if (!result.ok) return result;
    const clash = result.value.find((v) => taken.includes(v));
    return clash === undefined ? result : bad(`${show(clash)} is ${what}`);
  };
