/**
 * The result of checking one option value: its parsed form, or what is wrong with it.
 * Checks never throw, so a bad value becomes a blocked status instead of a failed hook.
 */
export type Checked<T> =
  | { ok: true; value: T }
  /** The message gets the option name in front. */
  | { ok: false; message: string };

export type Check<I, O> = (value: I) => Checked<O>;

export const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
export const bad = (message: string): Checked<never> => ({ ok: false, message });

const SHOWN_LENGTH = 60;

/** A value as a status message quotes it: JSON, shortened so the status line stays readable. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
}

/**
 * `second` on what `first` made of the value, when `first` accepted it. Not named `then`: a
 * module exporting `then` is a thenable, and `await import()` of it would never settle.
 */
export const andThen =
  <I, A, B>(first: Check<I, A>, second: Check<A, B>): Check<I, B> =>
  (input): Checked<B> => {
    const result = first(input);
    return result.ok ? second(result.value) : result;
  };

/** Runs `check` for its verdict only and keeps the operator's text as the parsed value. */
export const validates =
  <T>(check: Check<string, T>): Check<string, string> =>
  (text) => {
    const result = check(text);
    return result.ok ? ok(text) : result;
  };
