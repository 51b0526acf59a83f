// Repetition through the built charm: every hook the full deployment ran (each name once, with
// the relation and remote unit it first ran with), run again on the settled unit, writes no
// file, restarts or changes nothing on the host and writes no relation data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HookResult } from '../../../sim/records.js';
import { changedFiles, changesHost, fileStamps, toolCalls } from '../helpers.js';
import { copyModel, UNIT } from './full-deployment.js';
import { preparedDeployment, preparedHistory } from './prepared.js';
import { IN_PROCESS } from '../in-process.js';

const SLOW = 1_800_000;

const scratch = mkdtempSync(join(tmpdir(), 'glance-repeat-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const prepared = await preparedDeployment();

/** Each hook name once, as the deployment first ran it. */
const HOOKS: HookResult[] = preparedHistory(prepared)
  .filter((r) => r.kind === 'hook')
  .filter((r, i, all) => all.findIndex((o) => o.hook === r.hook) === i);

describe(`repetition: the ${HOOKS.length} hooks of a full deployment, each run again`, () => {
  const sim = copyModel(prepared, join(scratch, 'model'), { inProcess: IN_PROCESS });

  it.each(HOOKS.map((h): [string, HookResult] => [h.hook, h]))(
    '%s: no file written, nothing changed on the host, no relation data sent',
    async (_, first) => {
      const root = sim.unit(UNIT).fsRoot;
      const before = fileStamps(root);
      const again = await sim.runHook(UNIT, first.hook, { relationId: first.relationId, remoteUnit: first.remoteUnit, departingUnit: first.departingUnit });
      expect(again.exitCode).toBe(0);
      expect(changedFiles(before, fileStamps(root))).toEqual([]);
      // install runs apt-get again (installing what is installed changes nothing); nothing else may.
      const changing = again.commands.map((c) => c.argv.join(' ')).filter((line) => changesHost(line));
      expect(changing.filter((line) => !(first.hook === 'install' && line.startsWith('apt-get')))).toEqual([]);
      expect(toolCalls([again], 'relation-set')).toEqual([]);
      expect(toolCalls([again], 'leader-set')).toEqual([]);
      expect(await sim.settle()).toEqual([]);
    },
    SLOW,
  );
});
