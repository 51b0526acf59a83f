// Config fuzzing through reconcile, seed SEED, RUNS values per option of config.yaml on a unit
// related to everything, settled with a valid value of that option other than its default (so
// falling back to the default would show). A rejected value blocks and changes nothing: no file,
// no command, no restart, no relation data. An accepted
// value never makes a line of its own in any file (no INI injection, no NUL or carriage return,
// no exponent-form number) and never a line break in published data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPTION_NAMES, OPTIONS, type OptionName, parseConfig } from '../../../src/config/index.js';
import type { Plan } from '../../../src/plan.js';
import type { Snapshot } from '../../../src/snapshot.js';
import { baseConfigFor, configValue, HUGE_NUMBERS, SEED, validSamples } from '../../fixtures/arbitraries.js';
import { commandFindings, dataFindings, filesFindings, numberFindings } from './file-checks.js';
import { after, changes, FULL_CONFIG, fullDeployment, publishedBy, run, settle } from './full-deployment.js';

const RUNS = 25;
const SLOW = 60_000;

const deployed: Snapshot = settle(fullDeployment());

/** The full deployment settled with `name` at a valid value that is not its default. */
function settledWith(name: OptionName, base: Record<string, unknown>): Snapshot {
  const value = validSamples(name).find((v) => v !== OPTIONS[name].default && v !== '') ?? OPTIONS[name].default;
  return settle(settle(fullDeployment({ config: { ...base, [name]: value } })));
}

describe(`config fuzzing through reconcile (${RUNS} values per option, seed ${SEED})`, () => {
  it('starts from a deployment that is ready and quiet', () => {
    // Hooks that may fail on an HA rule re-set the status (Juju keeps no memory of a failed hook); nothing else.
    expect(changes(run(deployed))).toEqual([]);
    expect(deployed.memory.lastStatus).toEqual({ status: 'active', message: 'Unit is ready' });
  });

  it.each(OPTION_NAMES)(
    '%s: rejected changes nothing; accepted stays inside its line',
    (name) => {
      const base = { ...FULL_CONFIG, ...baseConfigFor(name) };
      const start = settledWith(name, base);
      // A start that is not quiet (a broken HA rule fails config-changed, so Juju keeps nothing
      // of it) repeats these effects whatever the value; a rejected value may add none.
      const residual = new Set(changes(run(start)).map((e) => JSON.stringify(e)));
      fc.assert(
        fc.property(configValue(name), (value) => {
          const snap: Snapshot = { ...start, config: { ...base, [name]: value } };
          const plan: Plan = run(snap);
          const rejected = parseConfig(snap.config).problems.some((p) => p.source === name);
          if (rejected) {
            expect(changes(plan).filter((e) => !residual.has(JSON.stringify(e)))).toEqual([]);
            const status = plan.effects.find((e) => e.kind === 'status');
            expect(status).toMatchObject({ status: 'blocked' });
            return;
          }
          const next = after(snap, plan);
          expect(filesFindings(next.host.files)).toEqual([]);
          expect(commandFindings(plan, next.host.files)).toEqual([]);
          if (typeof value === 'number') expect(numberFindings(next.host.files)).toEqual([]);
          expect(dataFindings(publishedBy(plan))).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    SLOW,
  );
});

describe('config: numbers at the edges of what JSON carries', () => {
  const numeric = OPTION_NAMES.filter((n) => OPTIONS[n].type === 'int' || OPTIONS[n].type === 'float');

  it.each(numeric)('%s: every huge, tiny or negative number is rejected or rendered as plain digits', (name) => {
    for (const value of HUGE_NUMBERS) {
      const snap: Snapshot = { ...deployed, config: { ...FULL_CONFIG, [name]: value } };
      const next = after(snap, run(snap));
      expect(numberFindings(next.host.files), `${name}=${value}`).toEqual([]);
    }
  });
});
