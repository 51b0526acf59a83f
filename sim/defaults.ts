/**
 * What a new unit, machine or remote unit looks like before a test says otherwise. Addresses
 * come from 10.5.0.0/24 in order, so runs are reproducible; real mode asks the host instead.
 */
import { networkInterfaces } from 'node:os';
import type { Databag, HostState, IpLink, NetworkInfo, SimState, Unit } from './state.js';

export const SIM_SUBNET = '10.5.0.0/24';

/** The Ubuntu 24.04 archive's versions of the packages whose version the charm reads. */
export const NOBLE_VERSIONS: Readonly<Record<string, string>> = {
  glance: '2:28.0.0-0ubuntu1',
  'glance-common': '2:28.0.0-0ubuntu1',
  'glance-api': '2:28.0.0-0ubuntu1',
  'python3-glance': '2:28.0.0-0ubuntu1',
  haproxy: '2.8.5-1ubuntu3',
  apache2: '2.4.58-1ubuntu8',
  memcached: '1.6.24-1build3',
  'ceph-common': '19.2.0-0ubuntu0.24.04.1',
  // End of life upstream since April 2025: not a runtime the charm may use.
  nodejs: '18.19.1+dfsg-6ubuntu5',
};

/**
 * A jammy unit's (`osRelease: JAMMY_OS_RELEASE, packageVersions: JAMMY_VERSIONS`): OpenStack from
 * the cloud archive the default openstack-origin (caracal) adds, the rest from the 22.04 archive,
 * whose nodejs is 12.22.9.
 */
export const JAMMY_VERSIONS: Readonly<Record<string, string>> = {
  glance: '2:28.0.0-0ubuntu1~cloud0',
  'glance-common': '2:28.0.0-0ubuntu1~cloud0',
  'glance-api': '2:28.0.0-0ubuntu1~cloud0',
  'python3-glance': '2:28.0.0-0ubuntu1~cloud0',
  haproxy: '2.4.24-0ubuntu0.22.04.1',
  apache2: '2.4.52-1ubuntu4.12',
  memcached: '1.6.14-1ubuntu0.1',
  'ceph-common': '19.2.0-0ubuntu0.24.04.1~cloud0',
  nodejs: '12.22.9~dfsg-1ubuntu3.6',
};


/** Dependencies whose presence the charm checks (glance-common behind the glance metapackage). */
export const NOBLE_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = {
  glance: ['glance-api', 'glance-common', 'python3-glance'],
  'glance-api': ['glance-common', 'python3-glance'],
  'glance-registry': ['glance-common', 'python3-glance'],
  'glance-common': ['python3-glance'],
};

/** Ubuntu packages start their services on install (no policy-rc.d on a cloud image). */
export const NOBLE_PACKAGE_SERVICES: Readonly<Record<string, readonly string[]>> = {
  'glance-api': ['glance-api'],
  haproxy: ['haproxy'],
  memcached: ['memcached'],
  apache2: ['apache2'],
};

export const NOBLE_OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
UBUNTU_CODENAME=noble
`;

export const JAMMY_OS_RELEASE = `PRETTY_NAME="Ubuntu 22.04.5 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.5 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
UBUNTU_CODENAME=jammy
`;

/** The two bases a simulated unit can have, as Sim options. */
export const UNIT_BASES = {
  'ubuntu@24.04': { osRelease: NOBLE_OS_RELEASE, packageVersions: {} },
  'ubuntu@22.04': { osRelease: JAMMY_OS_RELEASE, packageVersions: JAMMY_VERSIONS },
} as const;

const ACCOUNTS = ['root', 'glance', 'haproxy', 'www-data', 'memcache', 'ceph', 'nova', 'cinder', 'syslog', 'adm', 'nogroup', 'nobody'];

/** Takes the next simulated address. */
export function nextAddress(state: SimState): string {
  const n = state.nextAddress;
  state.nextAddress += 1;
  return `10.5.0.${n}`;
}

const macFor = (address: string): string =>
  `00:16:3e:${address
    .split('.')
    .slice(1)
    .map((o) => Number(o).toString(16).padStart(2, '0'))
    .join(':')}`;

export function networkFor(address: string, cidr: string, interfaceName = 'eth0'): NetworkInfo {
  return {
    'bind-addresses': [{ 'mac-address': macFor(address), 'interface-name': interfaceName, addresses: [{ hostname: '', value: address, cidr }] }],
    'egress-subnets': [`${address}/32`],
    'ingress-addresses': [address],
  };
}

export function linkFor(ifindex: number, ifname: string, address: string, prefixlen: number): IpLink {
  return {
    ifindex,
    ifname,
    flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
    mtu: 1500,
    operstate: 'UP',
    address: macFor(address),
    addr_info: [{ family: 'inet', local: address, prefixlen, scope: 'global' }],
  };
}

export const LOOPBACK: IpLink = {
  ifindex: 1,
  ifname: 'lo',
  flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
  mtu: 65536,
  operstate: 'UNKNOWN',
  address: '00:00:00:00:00:00',
  addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8, scope: 'host' }],
};

export function newHost(address: string, versions: Record<string, string>): HostState {
  return {
    packages: {},
    versions: { ...versions },
    defaultVersion: '1.0-0ubuntu1',
    dependencies: Object.fromEntries(Object.entries(NOBLE_DEPENDENCIES).map(([p, deps]) => [p, [...deps]])),
    packageServices: Object.fromEntries(Object.entries(NOBLE_PACKAGE_SERVICES).map(([p, s]) => [p, [...s]])),
    services: {},
    interfaces: [LOOPBACK, linkFor(2, 'eth0', address, 24)],
    failures: [],
    accounts: [...ACCOUNTS],
    virt: 'kvm',
    container: 'none',
  };
}

/** The host's first non-internal IPv4 address and its CIDR (real mode). */
export function hostAddress(): { address: string; cidr: string; interfaceName: string } {
  for (const [name, addrs] of Object.entries(networkInterfaces())) {
    const a = addrs?.find((x) => x.family === 'IPv4' && !x.internal);
    if (a?.cidr) {
      const [net = a.address, bits = '32'] = a.cidr.split('/');
      const mask = Number(bits);
      const base = net.split('.').map(Number).reduce((acc, o) => acc * 256 + o, 0);
      const netBase = mask === 0 ? 0 : base - (base % 2 ** (32 - mask));
      const dotted = [24, 16, 8, 0].map((s) => Math.floor(netBase / 2 ** s) % 256).join('.');
      return { address: a.address, cidr: `${dotted}/${mask}`, interfaceName: name };
    }
  }
  return { address: '127.0.0.1', cidr: '127.0.0.0/8', interfaceName: 'lo' };
}

export interface NewUnit {
  name: string;
  machineId: string;
  fsRoot: string;
  address: string;
  cidr: string;
  interfaceName: string;
  versions: Record<string, string>;
}

export function newUnit(u: NewUnit): Unit {
  return {
    name: u.name,
    machineId: u.machineId,
    state: {},
    status: { status: 'unknown', message: '' },
    statusHistory: [],
    workloadVersion: '',
    openedPorts: [],
    log: [],
    fsRoot: u.fsRoot,
    networks: {},
    defaultNetwork: networkFor(u.address, u.cidr, u.interfaceName),
    privateAddress: u.address,
    publicAddress: u.address,
    host: newHost(u.address, u.versions),
    hookError: null,
  };
}

/** The keys Juju itself writes into every unit databag of a relation. */
export function jujuBagDefaults(address: string): Databag {
  return { 'egress-subnets': `${address}/32`, 'ingress-address': address, 'private-address': address };
}

/** The address Juju would advertise for a unit on one endpoint. */
export function ingressAddress(unit: Unit, endpoint: string): string {
  const info = unit.networks[endpoint] ?? unit.defaultNetwork;
  return info['ingress-addresses'][0] ?? unit.privateAddress;
}
