// A kill (SIGKILL, as an OOM kill or a machine going down would) of the hook process, each on its
// own copy of a unit related to everything, during the trigger hook (trigger.ts): at KILLS
// points spread over its run time (one per slice, seeded jitter, seed SEED), and at the moment a
// managed file is being written (its temp file exists). Every managed file is whole (its old or
// its new version; a temp file left behind is never more readable than its target), and the
// retry converges to what the undisturbed hook does. The killed hook and the undisturbed one are
// the packed charm as a process; Juju's retry and what it causes run the charm in this process,
// on the unit the kill left behind: what is tested there is where the retry ends, not how a hook
// is started.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Sim } from '../../../sim/engine.js';
import type { HookResult } from '../../../sim/records.js';
import { SEED } from '../../fixtures/seed.js';
import { CHARM_DIR } from '../helpers.js';
import { IN_PROCESS } from '../in-process.js';
import { unitFiles, unitModes } from './files-on-unit.js';
import { playRemotes, UNIT } from './full-deployment.js';
import { preparedDeployment } from './prepared.js';
import { finish, mixed, outcome, reference, runTrigger, triggerCopy } from './trigger.js';

const KILLS = 6;
const MID_WRITE_ATTEMPTS = 5;
const SLOW = 900_000;
const SIGKILLED = 128 + 9;

const scratch = mkdtempSync(join(tmpdir(), 'glance-kill-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const prepared = await preparedDeployment();
const ref = await reference(prepared, join(scratch, 'reference'));

/** Where to kill, as fractions of the undisturbed hook's run time: one point in each slice. */
const points = fc.sample(fc.noBias(fc.integer({ min: 0, max: 999 })), { seed: SEED, numRuns: KILLS }).map((u, i) => (i + u / 1000) / KILLS);

/** The atomic writer's temp file (src/host/files.ts tempPathFor): `.name.charm-tmp` next to its target. */
const isTemp = (path: string): boolean => /\/\.[^/]+\.charm-tmp$/.test(path);
const targetOf = (temp: string): string => temp.replace(/\/\.([^/]+)\.charm-tmp$/, '/$1');

/** Every file whole, no temp file wider than its target, and the retry ends where the undisturbed hook does. */
async function expectWholeThenConvergence(dir: string, root: string): Promise<void> {
  expect(mixed(ref, unitFiles(root), isTemp)).toEqual([]);
  const modes = unitModes(root);
  const wider = Object.keys(modes)
    .filter(isTemp)
    .filter((t) => ((modes[t] ?? 0) & ~(ref.modes[targetOf(t)] ?? 0o600)) !== 0)
    .map((t) => `${basename(t)} ${(modes[t] ?? 0).toString(8)}`);
  expect(wider).toEqual([]);
  // Juju runs the hook again once the agent is back.
  const sim = new Sim({ charmDir: CHARM_DIR, dir, inProcess: IN_PROCESS });
  playRemotes(sim);
  expect((await runTrigger(sim)).exitCode).toBe(0);
  await finish(sim);
  const now = outcome(sim);
  expect(Object.keys(now.files).filter(isTemp)).toEqual([]);
  expect(now.files).toEqual(ref.settled.files);
  expect(now.published).toEqual(ref.settled.published);
  expect(now.status).toEqual(ref.settled.status);
}

/** The charm's own process for this unit (dispatch execs node on dist/charm.js), if it runs. */
function charmProcess(fsRoot: string): number | undefined {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes('dist/charm.js') && readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`CHARM_FS_ROOT=${fsRoot}\0`)) return Number(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined;
}

/** Runs the trigger and kills the charm the moment one of its temp files shows up; whether it did. */
async function killMidWrite(sim: Sim, dirs: readonly string[]): Promise<{ result: HookResult; temp?: string }> {
  const root = sim.unit(UNIT).fsRoot;
  let done = false;
  const running = runTrigger(sim).finally(() => {
    done = true;
  });
  let pid: number | undefined;
  let temp: string | undefined;
  while (!done && temp === undefined) {
    pid ??= charmProcess(root);
    if (pid !== undefined) {
      temp = dirs.flatMap((d) => (existsSync(join(root, d)) ? readdirSync(join(root, d)).map((n) => join(d, n)) : [])).find(isTemp);
      if (temp !== undefined) process.kill(pid, 'SIGKILL');
    }
    await tick();
  }
  return { result: await running, temp };
}

describe(`kill -9 of the hook at ${KILLS} points of its run (seed ${SEED})`, () => {
  const outcomes: number[] = [];

  it.each(points.map((p, i) => [i, p] as const))(
    'kill %i at %f of the run: files whole, the retry converges',
    async (i, point) => {
      const dir = join(scratch, `kill-${i}`);
      const killed = triggerCopy(prepared, dir, { hookTimeoutMs: Math.max(1, Math.round(ref.hook.durationMs * point)) });
      outcomes.push((await runTrigger(killed)).exitCode);
      await expectWholeThenConvergence(dir, killed.unit(UNIT).fsRoot);
    },
    SLOW,
  );

  it('most kills landed while the hook was running', () => {
    expect(outcomes.filter((c) => c === SIGKILLED).length).toBeGreaterThanOrEqual(KILLS / 2);
  });

  it(
    'a kill while a managed file is being written',
    async () => {
      const written = Object.keys(ref.after).filter((p) => ref.after[p] !== ref.before[p]);
      const dirs = [...new Set(written.map((p) => dirname(p)))];
      let hit: string | undefined;
      for (let attempt = 0; attempt < MID_WRITE_ATTEMPTS && hit === undefined; attempt++) {
        const dir = join(scratch, `mid-write-${attempt}`);
        const sim = triggerCopy(prepared, dir);
        const { result, temp } = await killMidWrite(sim, dirs);
        if (temp !== undefined && result.exitCode === SIGKILLED) hit = temp;
        await expectWholeThenConvergence(dir, sim.unit(UNIT).fsRoot);
      }
      expect(hit, `no kill landed mid-write in ${MID_WRITE_ATTEMPTS} attempts`).toBeDefined();
    },
    SLOW,
  );
});
