/**
 * cluster (peer, interface glance-ha): every unit shares its addresses so each unit's haproxy
 * balances over all of them, per network. A peer's cluster address is the `private-address`
 * Juju writes into its bag and rewrites when its network changes (reference/juju-runtime.md
 * §6.1); glance publishes only the addresses Juju does not know, so the two never disagree.
 */
import type { Databag } from '../snapshot.js';
import { isHost } from './remote-values.js';
import { ready, type RelationHandler } from './types.js';

export interface Peer {
  unit: string;
  private: string;
  public?: string;
  internal?: string;
  admin?: string;
}

/** Peer addresses become haproxy server lines: anything but an address is left out. */
const address = (bag: Databag, key: string): string | undefined => {
  const value = bag[key];
  return value !== undefined && isHost(value) ? value : undefined;
};

const peerOf = (unit: string, bag: Databag): Peer | undefined => {
  const privateAddress = address(bag, 'private-address');
  return privateAddress
    ? {
        unit,
        private: privateAddress,
        public: address(bag, 'public-address'),
        internal: address(bag, 'internal-address'),
        admin: address(bag, 'admin-address'),
      }
    : undefined;
};

/** Peers are always "ready" (a lone unit simply has none), as in the reference (Q10). */
export const cluster: RelationHandler<Peer[]> = {
  endpoint: 'cluster',
  reads: 'units',
  read: (rels) =>
    ready(
      rels
        .flatMap((r) => Object.entries(r.units).map(([u, bag]) => peerOf(u, bag)))
        .filter((p): p is Peer => p !== undefined)
        .sort((a, b) => a.unit.localeCompare(b.unit, 'en', { numeric: true })),
    ),
  publish: (_rel, env) => ({
    'public-address': env.addresses.unit.public.address,
    'internal-address': env.addresses.unit.internal.address,
    'admin-address': env.addresses.unit.admin.address,
  }),
};
