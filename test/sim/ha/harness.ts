
import { linkFor, networkFor } from '../../../sim/defaults.js';
import type { Sim } from '../../../sim/engine.js';
import type { HookResult } from '../../../sim/records.js';
import type { ConfigValue, Databag } from '../../../sim/state.js';
import { KEYSTONE_REPLY } from '../../fixtures/snapshot.js';

import { CHARM_DIR } from '../helpers.js';

export { CHARM_DIR };

export const SPACES = {
  public: { subnet: '192.168.10', iface: 'ens4' },
  internal: { subnet: '10.20.0', iface: 'ens5' },
  admin: { subnet: '10.30.0', iface: 'ens6' },
  /** Not bound to anything: reachable only through an os-*-network option. */
  spare: { subnet: '203.0.113', iface: 'ens7' },
} as const;
export type Space = keyof typeof SPACES;

/** Unit n's address in a space: .10, .11, .12 ... */
export const addressIn = (space: Space, n: number): string => `${SPACES[space].subnet}.${10 + n}`;

/** Keystone lives on the internal space here. */
export const KEYSTONE: Databag = { ...KEYSTONE_REPLY, service_host: '10.20.0.5', auth_host: '10.20.0.5' };

/** Gives unit n its bindings and interfaces before any of its hooks runs. */
function bindSpaces(sim: Sim, name: string, n: number): void {
  const unit = sim.unit(name);
  const net = (space: Space) => networkFor(addressIn(space, n), `${SPACES[space].subnet}.0/24`, SPACES[space].iface);
  unit.networks = { public: net('public'), internal: net('internal'), admin: net('admin'), 'shared-db': net('internal') };
  const links = (Object.keys(SPACES) as Space[]).map((space, i) => linkFor(3 + i, SPACES[space].iface, addressIn(space, n), 24));
  unit.host.interfaces = [...unit.host.interfaces, ...links];
}

/**
 * `juju deploy glance -n <units> --bind "public=... internal=... admin=... shared-db=internal"`:
 * the driver's deploy sequence, with the spaces in place before the first hook.
 */
export async function deployWithSpaces(sim: Sim, units: number, config: Record<string, ConfigValue>): Promise<void> {
  const names = Array.from({ length: units }, (_, n) => {
    const name = sim.createUnit().name;
    bindSpaces(sim, name, n);
    return name;
  });
  Object.assign(sim.state.config, config);
  sim.state.leader = names[0] ?? null;
  const cluster = sim.createRelation('cluster', sim.state.app).id;
  sim.save();
  for (const unit of names) {
    await sim.runHook(unit, 'install');
    await sim.runHook(unit, 'cluster-relation-created', { relationId: cluster });
    await sim.runHook(unit, unit === sim.state.leader ? 'leader-elected' : 'leader-settings-changed');
    await sim.runHook(unit, 'config-changed');
    await sim.runHook(unit, 'start');
  }
  for (const unit of names) {
    for (const peer of names.filter((p) => p !== unit)) {
      await sim.runHook(unit, 'cluster-relation-joined', { relationId: cluster, remoteUnit: peer });
      await sim.runHook(unit, 'cluster-relation-changed', { relationId: cluster, remoteUnit: peer });
    }
  }
  await sim.settle();
}

/** mysql answers a database request for the units that asked, as the mysql-router charm does. */
export function playMysql(sim: Sim): void {
  sim.remote('mysql', {
    onChange: (seen) => {
      const allowed = Object.entries(seen.units)
        .filter(([, bag]) => bag.database)
        .map(([unit]) => unit)
        .join(' ');
      if (!allowed || seen.remoteUnits['mysql/0']?.allowed_units === allowed) return undefined;
      return { units: { 'mysql/0': { db_host: '10.20.0.6', password: 'DBPASS', allowed_units: allowed } } };
    },
  });
}

/** Hooks that exited non-zero, as "unit hook: first stderr line". */
export const failed = (results: readonly HookResult[]): string[] =>
  results.filter((r) => r.exitCode !== 0).map((r) => `${r.unit} ${r.hook}: ${r.stderr.trim().split('\n')[0]}`);
