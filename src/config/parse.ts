/**
 * parseConfig: what `config-get --format=json` returned → the typed config and the problems.
 * It never throws. Each bad option becomes one blocked Problem naming it, and the returned
 * config carries that option's default instead, so the caller can still work out relation
 * readiness (it writes no file while config problems exist).
 */
import type { ZodIssue } from 'zod';
import { blocked, type Problem } from '../base/problem.js';
import { show } from './check.js';
import type { JujuType } from './option.js';
import { ConfigSchema, type GlanceConfig, OPTION_NAMES, OPTIONS, type OptionName } from './schema.js';
import { s3Problems } from './stores.js';

const EXPECTED: Record<JujuType, string> = {
  boolean: 'a boolean (true or false)',
  int: 'an integer',
  float: 'a number',
  string: 'a string',
};

type Input = Record<OptionName, unknown>;

/** Unset options (absent or null) take their config.yaml default. */
function withDefaults(raw: Readonly<Record<string, unknown>>, reset: ReadonlySet<string> = new Set()): Input {
  const entries = OPTION_NAMES.map((name) => {
    const value = raw[name];
    return [name, value === undefined || value === null || reset.has(name) ? OPTIONS[name].default : value];
  });
  return Object.fromEntries(entries) as Input;
}

function isOptionName(key: unknown): key is OptionName {
  return OPTION_NAMES.some((name) => name === key);
}

function toProblem(issue: ZodIssue, input: Input): Problem | undefined {
  const name = issue.path[0];
  if (!isOptionName(name)) return undefined;
  if (issue.code === 'custom') return blocked(name, `${name}: ${issue.message}`);
  // Anything zod itself rejects is a value of the wrong JSON type (or a fractional int).
  return blocked(name, `${name}: ${show(input[name])} is not ${EXPECTED[OPTIONS[name].type]}`);
}

export function parseConfig(raw: Record<string, unknown>): { config: GlanceConfig; problems: Problem[] } {
  const input = withDefaults(raw);
  const first = ConfigSchema.safeParse(input);
  if (first.success) return { config: first.data, problems: s3Problems(input) };

  const problems = first.error.issues.flatMap((issue) => toProblem(issue, input) ?? []);
  // Defaults always parse (a unit test holds this), so the second pass cannot fail.
  const config = ConfigSchema.parse(withDefaults(raw, new Set(problems.map((p) => p.source))));
  return { config, problems: [...problems, ...s3Problems(input)] };
}
