/**
 * A recorded unit (../shared/reference/switch/<name>/: state.json + root.tar.gz) turned into a
 * simulated model, so a test can hand this charm what another charm left behind and run
 * `juju refresh --switch` on it. The recording's own format is kept as shipped; only what the
 * simulator needs is read from it. Other units (peers) exist only as their databags: the
 * recording holds one unit's machine.
 */
import { chmodSync, chownSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { LOOPBACK, NOBLE_VERSIONS, newUnit } from './defaults.js';
import { type ArchiveEntry, readTarGz } from './tar.js';
import { ConfigValue, Databag, type IpLink, NetworkInfo, type Relation, type SimState, Status, type Unit } from './state.js';

const RecordedRelation = z.object({
  id: z.number().int(),
  endpoint: z.string(),
  interface: z.string(),
  remote_app: z.string(),
  remote_endpoint: z.string(),
  peer: z.boolean(),
  /** Remote units' bags (for a peer relation: the other units of ours). */
  units: z.record(z.string(), Databag),
  app_data: Databag,
  local_unit: Databag,
  local_app: Databag,
  /** Units in scope, as relation-list answers. */
  scope: z.array(z.string()),
  departed: z.array(z.string()).default([]),
});

const RecordedService = z.object({ active: z.boolean(), enabled: z.boolean(), masked: z.boolean() });

/** state.json of a recording (see its README). */
export const RecordedState = z.object({
  model: z.object({ name: z.string(), uuid: z.string() }),
  app: z.string(),
  unit: z.string(),
  leader: z.boolean(),
  config: z.record(z.string(), ConfigValue.nullable()),
  /** network-get answers per binding; "" is the default binding. */
  networks: z.record(z.string(), NetworkInfo),
  relations: z.array(RecordedRelation),
  next_rid: z.number().int(),
  leader_data: Databag,
  unit_state: Databag,
  unit_status: Status,
  app_status: Status,
  workload_version: z.string(),
  ports: z.array(z.string()),
  packages: z.record(z.string(), z.string()),
  services: z.record(z.string(), RecordedService),
  os: z.object({ series: z.string(), version: z.string() }),
});
export type RecordedState = z.infer<typeof RecordedState>;

export interface Recording {
  state: RecordedState;
  /** The files the recorded charm wrote, paths relative to "/". */
  files: ArchiveEntry[];
}

export function readRecording(dir: string): Recording {
  return {
    state: RecordedState.parse(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'))),
    files: readTarGz(readFileSync(join(dir, 'root.tar.gz'))),
  };
}

const unitNumber = (unit: string): number => Number(unit.slice(unit.lastIndexOf('/') + 1));

function relationOf(r: z.infer<typeof RecordedRelation>, app: string, unit: string): Relation {
  return {
    id: r.id,
    endpoint: r.endpoint,
    interface: r.interface,
    remoteApp: r.peer ? app : r.remote_app,
    remoteEndpoint: r.remote_endpoint,
    peer: r.peer,
    // The simulator keeps peers' bags with our units' bags (they are units of ours).
    remoteUnits: r.peer ? {} : r.units,
    remoteAppData: r.app_data,
    localUnits: { [unit]: r.local_unit, ...(r.peer ? r.units : {}) },
    localAppData: r.local_app,
    members: { [unit]: r.scope },
    departed: r.departed,
  };
}

/** The links `ip -j addr` shows: loopback plus every interface a binding has an address on. */
function interfacesOf(networks: Record<string, NetworkInfo>): IpLink[] {
  const links = new Map<string, IpLink>();
  for (const info of Object.values(networks)) {
    for (const bind of info['bind-addresses']) {
      const link = links.get(bind['interface-name']) ?? {
        ifindex: links.size + 2,
        ifname: bind['interface-name'],
        flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
        mtu: 1500,
        operstate: 'UP',
        address: bind['mac-address'],
        addr_info: [],
      };
      for (const a of bind.addresses) {
        if (link.addr_info.some((x) => x.local === a.value)) continue;
        const family = a.value.includes(':') ? 'inet6' : 'inet';
        link.addr_info.push({ family, local: a.value, prefixlen: Number(a.cidr.split('/')[1]), scope: 'global' });
      }
      links.set(link.ifname, link);
    }
  }
  // The recording's machine had IPv6 on lo too.
  const loopback: IpLink = { ...LOOPBACK, addr_info: [...LOOPBACK.addr_info, { family: 'inet6', local: '::1', prefixlen: 128, scope: 'host' }] };
  return [loopback, ...links.values()];
}

function unitOf(s: RecordedState, fsRoot: string): Unit {
  const fallback = s.networks[''];
  if (!fallback) throw new Error('recording: no network for the default binding ("")');
  const address = fallback['ingress-addresses'][0] ?? '';
  const base = newUnit({
    name: s.unit,
    machineId: String(unitNumber(s.unit)),
    fsRoot,
    address,
    cidr: fallback['bind-addresses'][0]?.addresses[0]?.cidr ?? `${address}/32`,
    interfaceName: fallback['bind-addresses'][0]?.['interface-name'] ?? 'eth0',
    versions: { ...NOBLE_VERSIONS, ...s.packages },
  });
  const { '': _, ...bound } = s.networks;
  return {
    ...base,
    state: s.unit_state,
    status: s.unit_status,
    workloadVersion: s.workload_version,
    openedPorts: s.ports,
    networks: bound,
    defaultNetwork: fallback,
    host: {
      ...base.host,
      packages: s.packages,
      services: Object.fromEntries(Object.entries(s.services).map(([name, v]) => [name, { running: v.active, enabled: v.enabled, masked: v.masked }])),
      interfaces: interfacesOf(s.networks),
    },
  };
}

/** The model the recording describes, its one unit's machine under `fsRoot`. */
export function recordedModel(s: RecordedState, fsRoot: string): SimState {
  const peers = s.relations.filter((r) => r.peer).flatMap((r) => Object.keys(r.units));
  const config = Object.fromEntries(Object.entries(s.config).filter((e): e is [string, ConfigValue] => e[1] !== null));
  return {
    model: s.model,
    app: s.app,
    config,
    // A non-leader's leader is one of its peers, which exists here only as a databag.
    leader: s.leader ? s.unit : (peers[0] ?? null),
    leaderData: s.leader_data,
    appStatus: s.app_status,
    units: { [s.unit]: unitOf(s, fsRoot) },
    relations: s.relations.map((r) => relationOf(r, s.app, s.unit)),
    resources: {},
    nextUnitId: Math.max(...[s.unit, ...peers].map(unitNumber)) + 1,
    nextRelationId: s.next_rid,
    nextAddress: 10,
  };
}

function osRelease(os: RecordedState['os']): string {
  return [
    'NAME="Ubuntu"',
    `VERSION_ID="${os.version}"`,
    'ID=ubuntu',
    'ID_LIKE=debian',
    `VERSION_CODENAME=${os.series}`,
    `UBUNTU_CODENAME=${os.series}`,
    '',
  ].join('\n');
}

/**
 * The recorded files under the unit's fs root with their modes. Owners: root stays root, every
 * other account is the simulator's own user, as the fake getent answers for them. Without root
 * nothing can be chowned and a directory without write permission (the recording has 0555 ones)
 * would stop the charm, which runs as root on a unit: such directories get the owner's write bit.
 * Symlink targets stay as recorded (absolute paths on the unit).
 */
export function writeRecordedFiles(s: RecordedState, files: readonly ArchiveEntry[], fsRoot: string): void {
  const root = process.getuid?.() === 0;
  const own = (uid: number) => (uid === 0 ? 0 : (process.getuid?.() ?? 0));
  const ownGroup = (gid: number) => (gid === 0 ? 0 : (process.getgid?.() ?? 0));
  mkdirSync(join(fsRoot, 'etc'), { recursive: true });
  writeFileSync(join(fsRoot, 'etc/os-release'), osRelease(s.os));
  if (Object.keys(s.services).length > 0) mkdirSync(join(fsRoot, 'run/systemd/system'), { recursive: true });
  const dirs: Extract<ArchiveEntry, { type: 'dir' }>[] = [];
  for (const entry of files) {
    const path = join(fsRoot, entry.path);
    mkdirSync(entry.type === 'dir' ? path : dirname(path), { recursive: true });
    if (entry.type === 'dir') dirs.push(entry);
    else if (entry.type === 'symlink') symlinkSync(entry.target, path);
    else {
      writeFileSync(path, entry.content);
      chmodSync(path, entry.mode);
      if (root) chownSync(path, own(entry.uid), ownGroup(entry.gid));
    }
  }
  // Deepest first, after their content is in.
  for (const dir of dirs.sort((a, b) => b.path.length - a.path.length)) {
    const path = join(fsRoot, dir.path);
    chmodSync(path, root ? dir.mode : dir.mode | 0o200);
    if (root) chownSync(path, own(dir.uid), ownGroup(dir.gid));
  }
}
