/**
 * The simulated Juju model: everything the simulator knows about the deployment, as zod schemas
 * so that a saved model (the local deploy command keeps one between runs) is checked when loaded.
 * Plain JSON throughout: the engine hands a per-unit projection of it to the hook tools and the
 * fake commands through the hook dir (context.json).
 */
import { z } from 'zod';

export const Databag = z.record(z.string(), z.string());
export type Databag = z.infer<typeof Databag>;

export const StatusName = z.enum(['unknown', 'maintenance', 'blocked', 'waiting', 'active', 'error']);
export type StatusName = z.infer<typeof StatusName>;

export const Status = z.object({ status: StatusName, message: z.string() });
export type Status = z.infer<typeof Status>;

/** One `status-set`, kept in order like Scenario's unit_status_history. */
export const StatusChange = Status.extend({ hook: z.string() });
export type StatusChange = z.infer<typeof StatusChange>;

export const LogLevel = z.enum(['TRACE', 'DEBUG', 'INFO', 'WARNING', 'ERROR']);
export type LogLevel = z.infer<typeof LogLevel>;

export const LogLine = z.object({ level: LogLevel, message: z.string(), hook: z.string() });
export type LogLine = z.infer<typeof LogLine>;

/** `network-get --format=json` output for one binding, field names as Juju prints them. */
export const NetworkAddress = z.object({ hostname: z.string().default(''), value: z.string(), cidr: z.string() });
export const BindAddress = z.object({
  'mac-address': z.string(),
  'interface-name': z.string(),
  addresses: z.array(NetworkAddress),
});
export const NetworkInfo = z.object({
  'bind-addresses': z.array(BindAddress),
  'egress-subnets': z.array(z.string()),
  'ingress-addresses': z.array(z.string()),
});
export type NetworkInfo = z.infer<typeof NetworkInfo>;

/** One address of one link in `ip -j addr` output (extra fields are kept as given). */
export const IpAddrInfo = z
  .object({
    family: z.enum(['inet', 'inet6']),
    local: z.string(),
    prefixlen: z.number().int(),
    scope: z.string().default('global'),
  })
  .passthrough();
export const IpLink = z
  .object({
    ifindex: z.number().int(),
    ifname: z.string(),
    flags: z.array(z.string()),
    mtu: z.number().int(),
    operstate: z.string(),
    address: z.string(),
    addr_info: z.array(IpAddrInfo),
  })
  .passthrough();
export type IpLink = z.infer<typeof IpLink>;

/**
 * A fake command told to fail: `command` is argv[0]; `match`, when given, is a regular
 * expression tested against the whole argv joined by spaces. `remaining` counts the failures
 * still to come (null: always).
 */
export const FailureRule = z.object({
  id: z.string(),
  command: z.string(),
  match: z.string().optional(),
  exitCode: z.number().int(),
  stderr: z.string(),
  stdout: z.string().default(''),
  remaining: z.number().int().nullable(),
});
export type FailureRule = z.infer<typeof FailureRule>;

export const ServiceState = z.object({ running: z.boolean(), enabled: z.boolean(), masked: z.boolean() });
export type ServiceState = z.infer<typeof ServiceState>;

/** The machine as the fake commands see it (unused in real mode, where the host is real). */
export const HostState = z.object({
  /** Installed packages → version. */
  packages: z.record(z.string(), z.string()),
  /** Version a package gets when apt-get installs it (others get `defaultVersion`). */
  versions: z.record(z.string(), z.string()),
  defaultVersion: z.string(),
  /** Packages apt-get installs along with a package (its dependencies that matter here). */
  dependencies: z.record(z.string(), z.array(z.string())).default({}),
  /** Services a package's maintainer scripts enable and start when it is installed. */
  packageServices: z.record(z.string(), z.array(z.string())).default({}),
  services: z.record(z.string(), ServiceState),
  interfaces: z.array(IpLink),
  failures: z.array(FailureRule),
  /** Users and groups `getent` knows; all map to the uid/gid running the simulator. */
  accounts: z.array(z.string()),
  /** `systemd-detect-virt` answers: "none" or e.g. "kvm" / "lxc". */
  virt: z.string(),
  container: z.string(),
});
export type HostState = z.infer<typeof HostState>;

export const Unit = z.object({
  name: z.string(),
  machineId: z.string(),
  /** Juju unit state (state-get / state-set). */
  state: Databag,
  status: Status,
  statusHistory: z.array(StatusChange),
  workloadVersion: z.string(),
  /** "9292/tcp", "8000-8999/udp", "icmp" */
  openedPorts: z.array(z.string()),
  log: z.array(LogLine),
  /** CHARM_FS_ROOT of this unit ("/" in real mode). */
  fsRoot: z.string(),
  /** network-get answers per binding; bindings not listed get `defaultNetwork`. */
  networks: z.record(z.string(), NetworkInfo),
  defaultNetwork: NetworkInfo,
  privateAddress: z.string(),
  publicAddress: z.string(),
  host: HostState,
  /** The last hook that failed and has not been followed by a successful one (juju status "error"). */
  hookError: z.string().nullable(),
});
export type Unit = z.infer<typeof Unit>;

export const Relation = z.object({
  id: z.number().int(),
  endpoint: z.string(),
  interface: z.string(),
  remoteApp: z.string(),
  remoteEndpoint: z.string(),
  /** Peer relation: the "remote" units are our own other units. */
  peer: z.boolean(),
  /** Remote units' databags, kept after they depart (Juju keeps them readable). */
  remoteUnits: z.record(z.string(), Databag),
  remoteAppData: Databag,
  /** Our units that entered the relation (-created ran) and their databags. */
  localUnits: z.record(z.string(), Databag),
  localAppData: Databag,
  /** Per local unit: the units it has seen join (what relation-list answers). */
  members: z.record(z.string(), z.array(z.string())),
  departed: z.array(z.string()),
});
export type Relation = z.infer<typeof Relation>;

export const ConfigValue = z.union([z.string(), z.number(), z.boolean()]);
export type ConfigValue = z.infer<typeof ConfigValue>;

export const SimState = z.object({
  model: z.object({ name: z.string(), uuid: z.string() }),
  app: z.string(),
  /** Values set by the operator; defaults come from the charm's config.yaml. */
  config: z.record(z.string(), ConfigValue),
  leader: z.string().nullable(),
  leaderData: Databag,
  appStatus: Status,
  units: z.record(z.string(), Unit),
  relations: z.array(Relation),
  /** Resource name → local file path (resource-get). */
  resources: z.record(z.string(), z.string()),
  nextUnitId: z.number().int(),
  nextRelationId: z.number().int(),
  /** Counter for the addresses the simulator hands out (10.5.0.0/16). */
  nextAddress: z.number().int(),
});
export type SimState = z.infer<typeof SimState>;
