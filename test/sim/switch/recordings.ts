/**
 * The recordings a switch is tested on, and the switch itself: a recorded unit of the reference
 * Python charm loaded into the simulator with this charm as its charm directory, then
 * `juju refresh --switch` (Sim.switchCharm).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sim } from '../../../sim/engine.js';
import type { HookResult } from '../../../sim/records.js';
import { type Recording, readRecording } from '../../../sim/recording.js';
import { newInProcessSim } from '../in-process.js';

/** ../shared beside the repository (CI: a fresh clone with a copy of shared/ next to it). */
export const SHARED_DIR = fileURLToPath(new URL('../../../../shared', import.meta.url));

/** The shipped recording, exactly as shipped. */
export const cephFull = (): Recording => readRecording(join(SHARED_DIR, 'reference/switch/ceph-full'));

export interface Switched {
  sim: Sim;
  recording: Recording;
  results: HookResult[];
}

/**
 * By default the charm runs in this process: the switch tests are about what upgrade-charm and
 * the hooks after it do to a recorded unit, not how a hook is started (the deployments, engine,
 * kill and secrets tests run the packed charm as a process).
 */
export async function switchOnto(recording: Recording, sim = newInProcessSim()): Promise<Switched> {
  sim.loadRecording(recording);
  return { sim, recording, results: await sim.switchCharm() };
}

/** The recorded content of one file ("/etc/..."), undefined when the recording has none. */
export function recordedFile(recording: Recording, path: string): string | undefined {
  const entry = recording.files.find((e) => `/${e.path}` === path);
  return entry?.type === 'file' ? entry.content.toString('utf8') : undefined;
}
