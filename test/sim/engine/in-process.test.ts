/**
 * The in-process runner (sim/run-in-process.ts) against the process runner: the same deployment,
 * config change and action give the same hooks, exit codes, tool calls, commands, statuses,
 * files, owners and relation data, so tests that run the charm in this process see what a unit
 * would.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Sim } from '../../../sim/engine.js';
import type { HookResult } from '../../../sim/records.js';
import { deployLocalStorage, newSim, unitOwners } from '../helpers.js';
import { newInProcessSim } from '../in-process.js';
import { unitFiles } from '../robustness/files-on-unit.js';

/** What a hook did, without timings; reads run side by side, so calls are compared as sets. */
const seen = (r: HookResult) => ({
  hook: r.hook,
  exitCode: r.exitCode,
  stderr: r.stderr,
  status: r.status,
  tools: r.toolCalls.map((c) => [c.tool, ...c.argv].join(' ')).sort(),
  commands: r.commands.map((c) => `${c.argv.join(' ')} -> ${c.exitCode}`).sort(),
  action: r.action,
});

async function play(sim: Sim) {
  const { db } = await deployLocalStorage(sim);
  await sim.config({ debug: true, 'image-size-cap': '12XB' });
  await sim.runAction('glance/0', 'security-checklist');
  await sim.removeRelation(db.id);
  const root = sim.unit('glance/0').fsRoot;
  return {
    hooks: sim.history.map(seen),
    files: unitFiles(root),
    owners: unitOwners(root),
    published: sim.state.relations.map((r) => [r.endpoint, sim.published(r.id, 'glance/0'), sim.published(r.id)]),
  };
}

describe('the in-process runner', () => {
  const process = newSim();
  const inProcess = newInProcessSim();
  afterAll(() => {
    process.dispose();
    inProcess.dispose();
  });

  it('runs a deployment, a bad config value, an action and a removed relation as the process runner does', async () => {
    const [a, b] = [await play(process), await play(inProcess)];
    expect(b.hooks.length).toBeGreaterThan(15);
    expect(b.hooks).toEqual(a.hooks);
    // The unit's dir and the stats password the charm makes up are its own in each simulator.
    const strip = (files: Record<string, string>, sim: Sim) =>
      Object.fromEntries(
        Object.entries(files).map(([p, t]) => [p, t.replaceAll(sim.unit('glance/0').fsRoot, '<root>').replace(/stats auth admin:\S+/, 'stats auth admin:<made up>')]),
      );
    expect(strip(b.files, inProcess)).toEqual(strip(a.files, process));
    expect(b.owners).toEqual(a.owners);
    expect(b.published).toEqual(a.published);
  });
});
