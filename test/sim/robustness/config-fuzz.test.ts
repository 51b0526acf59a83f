// Config fuzzing through the built charm, seed SEED: VALUES hostile values for every option of
// config.yaml (wrong JSON types too: Juju's own type check is off, as if an old controller or a
// hand-edited bundle let them through), each set with `juju config` on glance/0 related to
// everything. The hook exits 0 and either accepts the value, with no line of any file or
// published value coming from outside its template line, or blocks naming the option and writes
// nothing: no file, no host change, no relation data. The one exception is the HA rules: a value
// that breaks one (dns-ha with a VIP) fails the hook on purpose, with that rule's one line.
// The same property over 25 values per option runs in-process in test/unit/robustness.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { OPTION_NAMES, OPTIONS, type OptionName, parseConfig } from '../../../src/config/index.js';
import { baseConfigFor, configValue, SEED } from '../../fixtures/arbitraries.js';
import { dataFindings, filesFindings } from '../../unit/robustness/file-checks.js';
import { changedFiles, changesHost, fileStamps, toolCalls } from '../helpers.js';
import { IN_PROCESS } from '../in-process.js';
import { unitFiles } from './files-on-unit.js';
import { copyModel, DEPLOY_MS, publishedBags, UNIT } from './full-deployment.js';
import { preparedDeployment } from './prepared.js';

const VALUES = 4;
/** The HA rules of the operator's README: these fail the hook that would talk to hacluster. */
const HA_RULE = /dns-ha|vip/;

const scratch = mkdtempSync(join(tmpdir(), 'glance-config-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const prepared = await preparedDeployment();
// In this process: the property is about what the charm does with a value, not how it is started.
const sim = copyModel(prepared, join(scratch, 'model'), { checkConfigTypes: false, inProcess: IN_PROCESS });
const root = sim.unit(UNIT).fsRoot;
const start = { ...sim.state.config };

/** Hostile values for one option, the same on every run. */
const valuesFor = (name: OptionName, index: number): unknown[] => fc.sample(configValue(name), { seed: SEED + index, numRuns: VALUES });

/** How the hooks ended, so the last test can show that each branch was taken. */
const seen = { accepted: 0, rejected: 0, haRule: 0 };

describe(`config fuzzing through the built charm (${VALUES} values per option, ${OPTION_NAMES.length} options, seed ${SEED})`, () => {
  let previous: OptionName | undefined;

  it.each(OPTION_NAMES.map((name, i): [OptionName, number] => [name, i]))(
    '%s: accepted inside its line, or blocked naming it with nothing written',
    async (name, index) => {
      for (const value of valuesFor(name, index)) {
        // The option fuzzed before goes back to where it started in the same `juju config`.
        const restore = previous && previous !== name ? { [previous]: start[previous] ?? null } : {};
        const values = { ...restore, ...baseConfigFor(name), [name]: value } as Parameters<typeof sim.config>[0];
        const stamps = fileStamps(root);
        const [hook, ...caused] = await sim.config(values);
        previous = name;
        const what = `${name}=${JSON.stringify(value)}`;
        expect(hook, what).toBeDefined();
        if (!hook) return;
        expect(caused.filter((r) => r.exitCode !== 0).map((r) => r.hook), what).toEqual([]);
        const status = sim.status(UNIT);
        if (hook.exitCode !== 0) {
          expect(status.status, what).toBe('blocked');
          expect(status.message, what).toMatch(HA_RULE);
          expect(hook.stderr.trim().split('\n'), what).toHaveLength(1);
          seen.haRule += 1;
          continue;
        }
        const rejected = parseConfig({ ...sim.state.config }).problems.some((p) => p.source === name);
        if (rejected) {
          expect(status.status, what).toBe('blocked');
          expect(status.message, what).toContain(name);
          expect(changedFiles(stamps, fileStamps(root)), what).toEqual([]);
          expect(hook.commands.map((c) => c.argv.join(' ')).filter((l) => changesHost(l)), what).toEqual([]);
          expect(toolCalls([hook], 'relation-set'), what).toEqual([]);
          seen.rejected += 1;
          continue;
        }
        expect(filesFindings(unitFiles(root)), what).toEqual([]);
        expect(dataFindings(publishedBags(sim)), what).toEqual([]);
        seen.accepted += 1;
      }
    },
    DEPLOY_MS,
  );

  it('tried good and bad values: some accepted, many rejected, and every one ended one of those ways', () => {
    const tried = OPTION_NAMES.flatMap((n, i) => valuesFor(n, i).map((v) => OPTIONS[n].schema.safeParse(v).success));
    expect(tried.filter((ok) => !ok).length).toBeGreaterThan(OPTION_NAMES.length / 2);
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(OPTION_NAMES.length / 2);
    expect(seen.accepted + seen.rejected + seen.haRule).toBe(tried.length);
  });
});
