// The limits of the systems glance talks to, through the built charm on glance/0 related to
// everything: a 100 KB value of each name mysql, keystone, rabbitmq and ceph receive, and a
// BlueStore mode ceph does not know, each set with `juju config`. The hook exits 0, the unit is
// blocked naming the option as config.yaml spells it, no file changes and no relation data
// changes; unsetting the option again brings the unit back to ready. In this process: the
// property is about what the charm does with a value, not how it is started.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Sim } from '../../../sim/engine.js';
import { changedFiles, fileStamps, toolCalls } from '../helpers.js';
import { IN_PROCESS } from '../in-process.js';
import { copyModel, DEPLOY_MS, UNIT } from './full-deployment.js';
import { preparedDeployment } from './prepared.js';

const HUGE = 'a'.repeat(100_000);

const CASES: [string, string][] = [
  ['database', HUGE],
  ['database-user', HUGE],
  ['region', HUGE],
  ['rabbit-user', HUGE],
  ['rabbit-vhost', HUGE],
  ['rbd-pool-name', HUGE],
  ['bluestore-compression-mode', 'bogus'],
];

const scratch = mkdtempSync(join(tmpdir(), 'glance-config-limits-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const sim = copyModel(await preparedDeployment(), join(scratch, 'model'), { inProcess: IN_PROCESS });
const root = sim.unit(UNIT).fsRoot;

/** Every databag of every relation, ours and the remote charms'. */
const relationData = (s: Sim): string =>
  JSON.stringify(s.state.relations.map((r) => [r.id, r.localUnits, r.localAppData, r.remoteUnits, r.remoteAppData]));

describe('values the receiving systems refuse, through the built charm', () => {
  it.each(CASES)(
    '%s: blocked naming it, nothing written or sent',
    async (name, value) => {
      const stamps = fileStamps(root);
      const data = relationData(sim);
      const results = await sim.config({ [name]: value });
      expect(results.map((r) => `${r.unit} ${r.hook} ${r.exitCode}`)).toEqual([`${UNIT} config-changed 0`]);
      const status = sim.status(UNIT);
      expect(status.status).toBe('blocked');
      expect(status.message).toContain(`${name}: `);
      expect(changedFiles(stamps, fileStamps(root))).toEqual([]);
      expect(toolCalls(results, 'relation-set')).toEqual([]);
      expect(relationData(sim)).toBe(data);

      const restored = await sim.config({ [name]: null });
      expect(restored.filter((r) => r.exitCode !== 0)).toEqual([]);
      expect(sim.status(UNIT)).toMatchObject({ status: 'active', message: 'Unit is ready' });
    },
    DEPLOY_MS,
  );
});
