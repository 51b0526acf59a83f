// Unit state stays small whatever the deployment: on the largest deployment the simulator builds
// (glance/0 related to everything) and then with more relations on top, the biggest value any
// hook wrote with state-set is printed and must stay under BOUND, far below the 64 KiB Juju
// allows one value (past which state-set fails and so does every hook). Each extra relation may
// add no more than its digest to it. The extra relations run in this process: the sizes come
// from the state-set calls the simulator records, however the hook was started.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HookResult } from '../../../sim/records.js';
import { MAX_STATE_VALUE_BYTES } from '../../../sim/tools/unit-state.js';
import { IN_PROCESS } from '../in-process.js';
import { copyModel, DEPLOY_MS, failures, UNIT } from './full-deployment.js';
import { preparedDeployment, preparedHistory } from './prepared.js';

/** The stated bound: a sixteenth of Juju's cap. */
const BOUND = 4096;
/** A relation id and its digest in the JSON of unit memory. */
const PER_RELATION = 64;
const EXTRA = ['nova-cloud-controller-2', 'cinder', 'cinder-2', 'nova-compute'];

const scratch = mkdtempSync(join(tmpdir(), 'glance-unit-state-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const prepared = await preparedDeployment();

const biggest = (results: readonly HookResult[]): number => Math.max(0, ...results.map((r) => r.stateValueBytes));

describe('unit state on the largest deployment', () => {
  it(
    `the biggest value written stays under ${BOUND} bytes, and grows by at most ${PER_RELATION} bytes a relation`,
    async () => {
      const deployment = biggest(preparedHistory(prepared));
      const sim = copyModel(prepared, join(scratch, 'model'), { inProcess: IN_PROCESS });
      const more: HookResult[] = [];
      for (const app of EXTRA) more.push(...(await sim.integrate('image-service', app)).results);
      expect(failures(more)).toEqual([]);
      const grown = biggest(more);
      const stored = Math.max(...Object.values(sim.unit(UNIT).state).map((v) => Buffer.byteLength(v)));
      console.log(
        `biggest unit-state value written: ${deployment} bytes on the full deployment (${sim.state.relations.length - EXTRA.length} relations), ` +
          `${grown} bytes with ${EXTRA.length} more relations; bound ${BOUND}, Juju's cap ${MAX_STATE_VALUE_BYTES}`,
      );
      expect(deployment).toBeGreaterThan(0);
      expect(Math.max(deployment, grown, stored)).toBeLessThanOrEqual(BOUND);
      expect(grown - deployment).toBeLessThanOrEqual(PER_RELATION * EXTRA.length);
    },
    DEPLOY_MS,
  );
});
