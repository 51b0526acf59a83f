/**
 * One config-changed that does as much as a hook can on a unit related to everything: an
 * OpenStack upgrade (apt source, dist-upgrade, packages, stop, db_sync), new files (debug, syslog
 * in ceph.conf, a new region for keystone, a CA for the trust store), and Apache's site and a
 * module enabled again after an administrator disabled them. The fault and kill tests run it on
 * copies of the prepared unit and compare with the run that nothing disturbed.
 */

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Sim } from '../../../sim/engine.js';
import type { HookResult } from '../../../sim/records.js';
import { type UnitFiles, unitFiles, unitModes } from './files-on-unit.js';
import { type CopyOptions, copyModel, publishedBags, UNIT } from './full-deployment.js';

const NEWER = '2:29.0.0-0ubuntu1~cloud0';
const CA = Buffer.from('-----BEGIN CERTIFICATE-----\nTUlJQ29wZXJhdG9yQ0E=\n-----END CERTIFICATE-----\n').toString('base64');
const CHANGES = { 'openstack-origin': 'cloud:noble-dalmatian', debug: true, 'use-syslog': true, region: 'RegionTwo', ssl_ca: CA };

export interface TriggerOptions extends CopyOptions {
  /** false: the host runs no systemd (services through `service` and init scripts). */
  systemd?: boolean;
}

/** A copy of the prepared unit, set up for the trigger hook (not yet run). */
export function triggerCopy(prepared: string, dir: string, options: TriggerOptions = {}): Sim {
  const { systemd = true, ...copy } = options;
  const sim = copyModel(prepared, dir, copy);
  const unit = sim.unit(UNIT);
  if (!systemd) rmSync(join(unit.fsRoot, 'run/systemd'), { recursive: true, force: true });
  for (const p of ['glance-common', 'glance-api', 'glance', 'python3-glance']) unit.host.versions[p] = NEWER;
  rmSync(join(unit.fsRoot, 'etc/apache2/sites-enabled/openstack_https_frontend.conf'), { force: true });
  rmSync(join(unit.fsRoot, 'etc/apache2/mods-enabled/headers.load'), { force: true });
  Object.assign(sim.state.config, CHANGES);
  sim.save();
  return sim;
}

export const runTrigger = (sim: Sim): Promise<HookResult> => sim.runHook(UNIT, 'config-changed');

/** What the trigger causes elsewhere, then a hook that looks again. */
export async function finish(sim: Sim): Promise<void> {
  await sim.settle();
  await sim.runHook(UNIT, 'update-status');
  await sim.settle();
}

export interface Outcome {
  files: UnitFiles;
  published: ReturnType<typeof publishedBags>;
  /** Where the unit ends (a retried hook adds to the status history, which is not compared). */
  status: HookResult['status'];
}

export function outcome(sim: Sim): Outcome {
  const { status, message } = sim.status(UNIT);
  return { files: unitFiles(sim.unit(UNIT).fsRoot), published: publishedBags(sim), status: { status, message } };
}

export interface Reference {
  /** The trigger hook's own record. */
  hook: HookResult;
  before: UnitFiles;
  /** Files right after the trigger hook. */
  after: UnitFiles;
  /** Modes right after the trigger hook. */
  modes: Record<string, number>;
  settled: Outcome;
}

/** The trigger with nothing in the way. */
export async function reference(prepared: string, dir: string, options: TriggerOptions = {}): Promise<Reference> {
  const sim = triggerCopy(prepared, dir, options);
  const root = sim.unit(UNIT).fsRoot;
  const before = unitFiles(root);
  const hook = await runTrigger(sim);
  const after = unitFiles(root);
  const modes = unitModes(root);
  await finish(sim);
  return { hook, before, after, modes, settled: outcome(sim) };
}

/** Files that are neither what they were before the hook nor what the undisturbed hook wrote. */
export const mixed = (ref: Reference, now: UnitFiles, ignore: (path: string) => boolean = () => false): string[] =>
  Object.keys({ ...ref.before, ...now, ...ref.after }).filter((p) => !ignore(p) && now[p] !== ref.before[p] && now[p] !== ref.after[p]);
