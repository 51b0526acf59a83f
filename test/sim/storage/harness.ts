
import { Sim } from '../../../sim/engine.js';
import type { Databag } from '../../../sim/state.js';
import { parseIni } from '../../fixtures/parse-config.js';
import { KEYSTONE_REPLY } from '../../fixtures/snapshot.js';
import { IN_PROCESS } from '../in-process.js';

import { CHARM_DIR } from '../helpers.js';

export { CHARM_DIR };
export const UNIT = 'glance/0';
export const API_CONF = '/etc/glance/glance-api.conf';
export const SWIFT_CONF = '/etc/glance/glance-swift.conf';
export const CEPH_CONF = '/var/lib/charm/glance/ceph.conf';
export const KEYRING = '/etc/ceph/ceph.client.glance.keyring';
export const CEPH_KEY = 'AQBsTnRkAAAAABAAnNwC7uWb3lMNUb8DMsLqUw==';

/** What keystone hands glance in the golden scenarios. */
export const KEYSTONE: Databag = KEYSTONE_REPLY;

/** mysql answers a database request for the units that asked, as the mysql-router charm does. */
function mysql(sim: Sim): void {
  sim.remote('mysql', {
    onChange: (seen) => {
      const asked = Object.entries(seen.units).filter(([, bag]) => bag.database);
      if (asked.length === 0) return undefined;
      const allowed = asked.map(([unit]) => unit).join(' ');
      const bag = { db_host: '127.0.0.1', password: 'DBPASS', allowed_units: allowed };
      const current = seen.remoteUnits['mysql/0'] ?? {};
      return current.allowed_units === allowed ? undefined : { units: { 'mysql/0': bag } };
    },
  });
}

export interface Deployed {
  sim: Sim;
  dispose(): void;
}

/** glance/0 with mysql (and keystone unless told otherwise) ready, options as given. */
export async function deployed(config: Record<string, string | number | boolean> = {}, withKeystone = true): Promise<Deployed> {
  const sim = new Sim({ charmDir: CHARM_DIR, inProcess: IN_PROCESS });
  mysql(sim);
  await sim.deploy({ units: 1, config });
  await sim.integrate('shared-db', 'mysql', { units: { 'mysql/0': {} } });
  if (withKeystone) await sim.integrate('identity-service', 'keystone', { units: { 'keystone/0': KEYSTONE } });
  return { sim, dispose: () => sim.dispose() };
}

/** Every hook since `from` ran cleanly. */
export function failures(sim: Sim, from = 0): string[] {
  return sim.history.slice(from).filter((r) => r.exitCode !== 0).map((r) => `${r.hook}: ${r.stderr.trim()}`);
}

export const monUnit = (address: string): Databag => ({
  'ceph-public-address': address,
  auth: 'cephx',
  key: CEPH_KEY,
});

/** ceph-mon's answer to the request a glance unit published, as its broker gives it. */
export function brokerAnswer(published: Databag, unit = UNIT, exitCode = 0): Databag {
  const id = JSON.parse(published.broker_req ?? '{}')['request-id'];
  return { [`broker-rsp-${unit.replace('/', '-')}`]: JSON.stringify({ 'exit-code': exitCode, 'request-id': id }) };
}

/** A ceph-mon application that hands out the key and carries out every broker request at once. */
export function answeringCephMon(sim: Sim, app = 'ceph-mon'): void {
  sim.remote(app, {
    onChange: (seen) => {
      const ours = seen.units[UNIT];
      if (!ours?.broker_req) return undefined;
      const answer = brokerAnswer(ours);
      const current = seen.remoteUnits[`${app}/0`] ?? {};
      const fresh = Object.entries(answer).some(([k, v]) => current[k] !== v);
      return fresh ? { units: { [`${app}/0`]: answer } } : undefined;
    },
  });
}

/** The INI sections of a file on the unit. */
export function ini(sim: Sim, path: string): Record<string, Record<string, string>> {
  return parseIni(sim.readFile(UNIT, path) ?? '');
}

/** Commands the charm ran from history entry `from` on, as argv lines. */
export const commandLines = (sim: Sim, from: number, name?: string): string[] =>
  sim.history
    .slice(from)
    .flatMap((r) => r.commands)
    .filter((c) => name === undefined || c.argv[0] === name)
    .map((c) => c.argv.join(' '));
