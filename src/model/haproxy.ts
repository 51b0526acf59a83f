/**
 * haproxy in front of glance-api on every unit (reference Q12: even a single unit): one backend
 * per network this unit has an address on (admin, internal, public, then the cluster address,
 * which is the default), each listing this unit and every peer's address on that network.
 */
import { BACKEND_PORT } from '../base/ports.js';
import type { GlanceConfig } from '../config/index.js';
import type { Peer } from '../relations/cluster.js';
import type { Addresses, UnitAddress } from '../network/addresses.js';
import type { HaproxyBackend, HaproxyContext, HaproxyServer } from './types.js';


const serverName = (unit: string) => unit.replace('/', '-');
const byUnit = (a: HaproxyServer, b: HaproxyServer) => a.name.localeCompare(b.name, 'en', { numeric: true });

export const HAPROXY_CFG = '/etc/haproxy/haproxy.cfg';

/**
 * The stats password a haproxy.cfg on the host already carries, kept so haproxy.cfg does not
 * change: after `juju refresh --switch` from the Python charm (which kept it in a key/value store
 * in its charm directory, which Juju replaced) unit memory has none or an older one.
 */
export function statsPasswordIn(haproxyCfg: string | null | undefined): string | undefined {
  return /^\s*stats auth admin:(\S+)\s*$/m.exec(haproxyCfg ?? '')?.[1];
}

export interface HaproxyInputs {
  config: GlanceConfig;
  unitName: string;
  addresses: Addresses;
  peers: readonly Peer[];
  statsPassword: string;
  https: boolean;
}

export function haproxyContext(i: HaproxyInputs): HaproxyContext {
  const networks: Array<{ unit: UnitAddress; peerAddress: (p: Peer) => string | undefined }> = [
    { unit: i.addresses.unit.admin, peerAddress: (p) => p.admin },
    { unit: i.addresses.unit.internal, peerAddress: (p) => p.internal },
    { unit: i.addresses.unit.public, peerAddress: (p) => p.public },
    { unit: i.addresses.cluster, peerAddress: (p) => p.private },
  ];
  const backends = new Map<string, HaproxyBackend>();
  for (const n of networks) {
    const servers: HaproxyServer[] = [{ name: serverName(i.unitName), address: n.unit.address, port: BACKEND_PORT }];
    for (const p of i.peers) {
      const address = n.peerAddress(p) ?? p.private;
      servers.push({ name: serverName(p.unit), address, port: BACKEND_PORT });
    }
    const existing = backends.get(n.unit.address);
    // Python dict semantics of the reference: a later network with the same address replaces the
    // servers but keeps the first position.
    backends.set(n.unit.address, { address: n.unit.address, netmask: (existing ?? n.unit).netmask, servers: servers.sort(byUnit) });
  }
  const c = i.config;
  return {
    statsPassword: i.statsPassword,
    statsBind: c['prefer-ipv6'] ? 'ip6-localhost' : '127.0.0.1',
    timeouts: {
      queue: c['haproxy-queue-timeout'] ?? 9000,
      connect: c['haproxy-connect-timeout'] ?? 9000,
      client: c['haproxy-client-timeout'] ?? 90000,
      server: c['haproxy-server-timeout'] ?? 90000,
    },
    ipv6: true,
    backends: [...backends.values()],
    defaultBackend: i.addresses.cluster.address,
    checkSsl: i.https,
  };
}
