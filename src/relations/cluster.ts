/**
 * cluster (peer, interface glance-ha): every unit shares its addresses so each unit's haproxy
 * balances over all of them, per network.
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
  read: (rels) =>
    ready(
      rels
        .flatMap((r) => Object.entries(r.units).map(([u, bag]) => peerOf(u, bag)))
        .filter((p): p is Peer => p !== undefined)
        .sort((a, b) => a.unit.localeCompare(b.unit, 'en', { numeric: true })),
    ),
  publish: (_rel, env) => ({
    'private-address': env.addresses.cluster.address,
    'public-address': env.addresses.unit.public.address,
    'internal-address': env.addresses.unit.internal.address,
    'admin-address': env.addresses.unit.admin.address,
  }),
};
