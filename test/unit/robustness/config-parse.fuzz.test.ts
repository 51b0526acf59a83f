// Config fuzzing at the parser, seed SEED. Values of every JSON type (wrong types, empty, huge
// and negative numbers, unicode, line breaks, NUL, `[section]`, `=`): each option alone
// (RUNS_EACH values per option) and all 81 options at once (RUNS_ALL configs, so every option
// meets RUNS_ALL more values next to other bad ones). parseConfig never throws; a value is
// accepted or reported by a problem that names the option; secrets are never echoed; the status
// line stays one readable line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPTION_NAMES, OPTIONS, type OptionName, parseConfig } from '../../../src/config/index.js';
import { S3_OPTIONS } from '../../../src/config/stores.js';
import type { Problem } from '../../../src/base/problem.js';
import { baseConfigFor, configValue, SEED, validSamples } from '../../fixtures/arbitraries.js';

const RUNS_EACH = 30;
const RUNS_ALL = 200;
/** Property runs take seconds on a busy CI machine. */
const SLOW = 120_000;

const isS3 = (name: string): boolean => (S3_OPTIONS as readonly string[]).includes(name);
/** Options whose value is a credential or a private key. */
const SECRET_OPTIONS: readonly string[] = OPTION_NAMES.filter((n) => /key$|secret|password/.test(n));
/** Longest problem message: it ends up on one `juju status` line. */
const MAX_MESSAGE = 200;

/** A problem names the option as config.yaml spells it; an incomplete S3 set names the S3 config. */
function namesOption(p: Problem, name: string): boolean {
  if (p.message.startsWith(`${name}: `)) return true;
  return isS3(name) && p.source === 's3' && p.message.includes('S3 config');
}

function checkMessage(p: Problem, values: Readonly<Record<string, unknown>>): void {
  expect(p.message.length, p.message).toBeLessThanOrEqual(MAX_MESSAGE);
  expect(p.message).not.toMatch(/[\r\n\0]/);
  const value = values[p.source];
  if (SECRET_OPTIONS.includes(p.source) && typeof value === 'string' && value.trim().length > 3) expect(p.message).not.toContain(value);
}

describe(`config fuzzing: parseConfig (seed ${SEED})`, () => {
  it('knows a valid value for every option (injections start from one)', () => {
    expect(OPTION_NAMES.filter((n) => validSamples(n).length === 0)).toEqual([]);
  });

  it.each(OPTION_NAMES)(`%s alone, ${RUNS_EACH} values: accepted, or a problem naming it`, (name) => {
    const base = baseConfigFor(name);
    fc.assert(
      fc.property(configValue(name), (value) => {
        const raw = { ...base, [name]: value };
        const { config, problems } = parseConfig(raw);
        for (const p of problems) {
          expect(p.source === name || (isS3(name) && p.source === 's3'), `problem from ${p.source}: ${p.message}`).toBe(true);
          expect(namesOption(p, name), p.message).toBe(true);
          checkMessage(p, raw);
        }
        if (problems.length === 0) expect(config[name]).not.toBeUndefined();
      }),
      { seed: SEED, numRuns: RUNS_EACH },
    );
  });

  it(`all options at once, ${RUNS_ALL} configs: every rejected value has its own problem, nothing else does`, () => {
    const everyOption = fc.record(Object.fromEntries(OPTION_NAMES.map((n) => [n, configValue(n)])) as Record<OptionName, fc.Arbitrary<unknown>>);
    fc.assert(
      fc.property(everyOption, (raw) => {
        const { problems } = parseConfig(raw);
        // The option's own schema is the oracle: parseConfig must attribute, not re-judge.
        const rejected = OPTION_NAMES.filter((n) => raw[n] !== null && !OPTIONS[n].schema.safeParse(raw[n]).success);
        for (const name of rejected) expect(problems.some((p) => p.source === name && namesOption(p, name)), name).toBe(true);
        for (const p of problems) {
          expect(rejected.includes(p.source as OptionName) || p.source === 's3', `${p.source}: ${p.message}`).toBe(true);
          checkMessage(p, raw);
        }
      }),
      { seed: SEED, numRuns: RUNS_ALL },
    );
  }, SLOW);

  it('rejects an integer a double cannot hold exactly (config-get JSON would round it)', () => {
    const ints = OPTION_NAMES.filter((n) => OPTIONS[n].type === 'int');
    for (const name of ints) {
      for (const huge of [2 ** 63, 1e300, -(2 ** 63), Number.MAX_SAFE_INTEGER + 2]) {
        expect(parseConfig({ [name]: huge }).problems.map((p) => p.source), `${name}=${huge}`).toEqual([name]);
      }
    }
  });
});
