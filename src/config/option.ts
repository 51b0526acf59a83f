/**
 * Builders for one config.yaml option: its Juju type, its default (null = no `default:` key)
 * and the zod schema that validates the raw `config-get` value and turns it into the form the
 * charm uses. The schema's input is the raw value with the default already filled in.
 */
import { z } from 'zod';
import { type Check, andThen, ok } from './check.js';
import { anyNumber, exactInteger } from './numbers.js';
import { singleLine } from './text.js';

export type JujuType = 'string' | 'int' | 'float' | 'boolean';
export type RawDefault = string | number | boolean | null;

export interface Option<S extends z.ZodTypeAny = z.ZodTypeAny> {
  type: JujuType;
  default: RawDefault;
  schema: S;
}

/** Turns a check into a zod transform: a failed check becomes the issue the problem is made from. */
const transform =
  <I, O>(check: Check<I, O>) =>
  (value: I, ctx: z.RefinementCtx): O => {
    const result = check(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: result.message });
    return z.NEVER;
  };

const option = <S extends z.ZodTypeAny>(type: JujuType, def: RawDefault, schema: S): Option<S> => ({
  type,
  default: def,
  schema,
});

export const boolean = (def: boolean) => option('boolean', def, z.boolean());

/** Every int is checked for exactness first (config-get's JSON may carry an int64 a double cannot hold). */
export const int = (def: number, check: Check<number, number> = anyNumber) =>
  option('int', def, z.number().int().transform(transform(andThen(exactInteger, check))));

export const optionalInt = (check: Check<number, number> = anyNumber) =>
  option('int', null, z.number().int().transform(transform(andThen(exactInteger, check))).nullable());

export const optionalFloat = (check: Check<number, number> = anyNumber) =>
  option('float', null, z.number().transform(transform(check)).nullable());

/** A string option with a default. Every string is checked for line breaks first. */
export const string = <T = string>(def: string, check: Check<string, T>) =>
  option('string', def, z.string().transform(transform(andThen(singleLine, check))));

/**
 * A string option without a default. Unset, null and "" all mean "not set" (the reference
 * tested these options for truth) and give null.
 */
export const optionalString = <T>(check: Check<string, T>) =>
  option('string', null, unsetOr(andThen(singleLine, check), () => null));

/** A list-valued string option without a default: not set gives an empty list. */
export const optionalList = <T>(check: Check<string, T[]>) =>
  option('string', null, unsetOr(andThen(singleLine, check), (): T[] => []));

/** Like optionalString, for base64 blobs that may be wrapped over several lines. */
export const optionalBlob = (check: Check<string, string>) => option('string', null, unsetOr(check, () => null));

/** A fresh value per parse, so no two parsed configs share a mutable list. */
function unsetOr<T, U>(check: Check<string, T>, unset: () => U) {
  const parse = transform(check);
  return z
    .string()
    .nullable()
    .transform((text, ctx): T | U => (text === null || text === '' ? unset() : parse(text, ctx)));
}

/** Accepts any single-line text (keys, secrets) as it is. */
export const anyText: Check<string, string> = ok;
