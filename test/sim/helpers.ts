/**
 * Shared helpers for simulation tests: a simulator over this repository's packed charm
 * (`npm test` packs it first), the remote charms' replies, and observations of what a hook
 * did to the unit (files written, services restarted, relation data sent).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Sim, type SimOptions } from '../../sim/engine.js';
import { unitCharmDir } from '../../sim/unit-charm.js';
import type { HookResult } from '../../sim/records.js';
import { OWNER_RECORD } from '../../src/host/owners.js';
import { DB_REPLY, KEYSTONE_REPLY } from '../fixtures/snapshot.js';

/** The packed charm as a unit holds it (unzipped by the sim tier's global setup). */
export const CHARM_DIR = unitCharmDir();

export const newSim = (o: Partial<SimOptions> = {}) => new Sim({ charmDir: CHARM_DIR, ...o });

export const mysqlReply = (units = 'glance/0') => ({ ...DB_REPLY, db_host: '10.5.0.9', allowed_units: units });
export const keystoneReply = () => ({ ...KEYSTONE_REPLY });

/** The local-storage deployment of the operator README: mysql, keystone, nova-cloud-controller. */
export async function deployLocalStorage(sim: Sim, units = 1) {
  await sim.deploy({ units });
  const names = Array.from({ length: units }, (_, i) => `glance/${i}`).join(' ');
  const db = await sim.integrate('shared-db', 'mysql', { units: { 'mysql/0': mysqlReply(names) } });
  const ks = await sim.integrate('identity-service', 'keystone', { units: { 'keystone/0': keystoneReply() } });
  const ncc = await sim.integrate('image-service', 'nova-cloud-controller', { units: { 'nova-cloud-controller/0': {} } });
  return { db, ks, ncc };
}

/** Every regular file under the unit's fs root with its mtime and size (the charm's owner record aside). */
export function fileStamps(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && `/${relative(root, p)}` !== OWNER_RECORD) {
        const s = statSync(p);
        out[`/${relative(root, p)}`] = `${s.mtimeMs}:${s.size}`;
      }
    }
  };
  walk(root);
  return out;
}

/**
 * Path on the unit → "user:group" the charm last gave it (files and directories), from the record
 * the charm keeps on a simulated host, where a normal user may not chown (src/host/owners.ts).
 */
export function unitOwners(root: string): Record<string, string> {
  const record = join(root, OWNER_RECORD);
  if (!existsSync(record)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(record, 'utf8').split('\n').filter(Boolean)) {
    const { path, user, group } = JSON.parse(line) as { path: string; user: string; group: string };
    out[path] = `${user}:${group}`;
  }
  return out;
}

export const changedFiles = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(after).filter((p) => before[p] !== after[p]);

const SERVICE_VERBS = new Set(['restart', 'start', 'stop', 'reload']);

/** "restart glance-api" for every service action the hooks ran (systemctl or service). */
export function serviceActions(results: readonly HookResult[]): string[] {
  return results.flatMap((r) =>
    r.commands.flatMap((c) => {
      const [cmd, a, b] = c.argv;
      if (cmd === 'systemctl' && a && SERVICE_VERBS.has(a)) return [`${a} ${b}`];
      if (cmd === 'service' && b && SERVICE_VERBS.has(b)) return [`${b} ${a}`];
      return [];
    }),
  );
}

/** Commands that change the host (is-active, dpkg-query, getent, ip... only look). */
const HOST_CHANGING = /^(apt-get|glance-manage|update-alternatives|a2en|a2dis|update-ca-certificates|add-apt-repository|ceph-authtool)|^(systemctl|service) .*\b(start|stop|restart|reload|enable|disable|mask|unmask)\b/;

/** True for a command line ("systemctl restart glance-api") that changes the host. */
export const changesHost = (line: string): boolean => HOST_CHANGING.test(line);

export const toolCalls = (results: readonly HookResult[], tool: string) =>
  results.flatMap((r) => r.toolCalls.filter((t) => t.tool === tool));
