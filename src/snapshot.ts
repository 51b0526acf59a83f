/**
 * The Snapshot: everything one hook reads from Juju and the host, gathered once by the shell
 * (src/juju/read-snapshot.ts) and handed to the pure core. It is plain JSON so that
 * `npm run plan -- snapshot.json` can replay a recorded hook without touching a host.
 */
import { z } from 'zod';

export const Databag = z.record(z.string(), z.string());
export type Databag = z.infer<typeof Databag>;

export const HookKind = z.enum(['hook', 'action']);

export const HookContext = z.object({
  kind: HookKind,
  /** Hook or action name: "install", "shared-db-relation-changed", "pause". */
  name: z.string(),
  unitName: z.string(),
  appName: z.string(),
  relationName: z.string().optional(),
  relationId: z.string().optional(),
  remoteUnit: z.string().optional(),
  remoteApp: z.string().optional(),
  departingUnit: z.string().optional(),
  charmDir: z.string(),
  /**
   * The model's proxy for what the charm downloads itself (JUJU_CHARM_HTTP_PROXY,
   * JUJU_CHARM_HTTPS_PROXY, JUJU_CHARM_NO_PROXY) as such a download's environment gets it
   * (http_proxy, https_proxy, no_proxy); absent when the model sets none.
   */
  charmProxy: z.record(z.string(), z.string()).optional(),
});
export type HookContext = z.infer<typeof HookContext>;

export const RelationSnapshot = z.object({
  /** "shared-db:7" */
  id: z.string(),
  endpoint: z.string(),
  /** Remote application name ("" when unknown). */
  app: z.string(),
  /** Remote units in scope and their databags. */
  units: z.record(z.string(), Databag),
  /** Remote application databag. */
  appData: Databag,
  /** Peer relations only: the shared application databag. */
  localAppData: Databag.optional(),
  /**
   * This unit's own databag as Juju holds it, read when unit memory may not say what is out there
   * (upgrade-charm, which may follow `juju refresh --switch` from another charm, or no memory).
   */
  published: Databag.optional(),
});
export type RelationSnapshot = z.infer<typeof RelationSnapshot>;

export const BindAddress = z.object({
  interfaceName: z.string(),
  address: z.string(),
  cidr: z.string(),
});
export const Network = z.object({
  bindAddresses: z.array(BindAddress),
  ingressAddresses: z.array(z.string()),
});
export type Network = z.infer<typeof Network>;

/** One address of one host interface, as `ip -j addr` reports it. */
export const HostAddress = z.object({
  interfaceName: z.string(),
  address: z.string(),
  prefixLength: z.number(),
  family: z.enum(['inet', 'inet6']),
});
export type HostAddress = z.infer<typeof HostAddress>;

/** Unit-local memory kept in Juju unit state (one JSON value under one key). */
export const UnitMemory = z.object({
  paused: z.boolean().optional(),
  seriesUpgrading: z.boolean().optional(),
  dbInitialised: z.boolean().optional(),
  statsPassword: z.string().optional(),
  /** request-id of the last Ceph broker request sent. */
  brokerRequestId: z.string().optional(),
  /** Pools ceph-mon confirmed by completing a broker request: the RBD store stays on while a request that only changes their settings waits. */
  cephPoolsReady: z.array(z.string()).optional(),
  /** TLS files written under names that depend on addresses and certificates (cert_<cn>, CA files): the read phase loads them so the next hook can diff. */
  certPaths: z.array(z.string()).optional(),
  /**
   * Digest of the unit databag this unit last published, per relation id (src/reconcile/publish.ts).
   * An entry of another shape (an older charm kept the bag itself) reads as an unknown digest,
   * so the bag is compared with what Juju holds once, and the rest of the memory survives.
   */
  published: z.record(z.string(), z.string().catch('')).optional(),
  /** Ports opened through Juju (open-port is sent only when this changes). */
  ports: z.array(z.number()).optional(),
  lastStatus: z.object({ status: z.string(), message: z.string() }).optional(),
  appVersion: z.string().optional(),
  pasteIniReinstalled: z.boolean().optional(),
  /** Policy overrides from the policyd-override resource: applied, or refused as broken (status prefix). */
  policyd: z.enum(['applied', 'broken']).optional(),
});
export type UnitMemory = z.infer<typeof UnitMemory>;

export const HostSnapshot = z.object({
  /** Current content of every file the charm manages (keyed by absolute unrooted path); null = absent. */
  files: z.record(z.string(), z.string().nullable()),
  /** Permission bits of those that exist: a file with the right content but another mode is written again (with its owner). */
  modes: z.record(z.string(), z.number()).optional(),
  /** Installed glance-common version from dpkg-query, null when not installed. */
  glanceCommonVersion: z.string().nullable(),
  /** Installed versions of the packages installed on demand (ceph-common), null when not installed. */
  packages: z.record(z.string(), z.string().nullable()).optional(),
  /** OPENSTACK_CODENAME from /etc/openstack-release, if any. */
  openstackReleaseFile: z.string().nullable(),
  /** VERSION_CODENAME from /etc/os-release (jammy, noble, bookworm...). */
  osCodename: z.string().nullable(),
  /** The machine's architecture as Node names it (x64, arm64): the charm's own runtime runs on it. */
  arch: z.string(),
  cpus: z.number(),
  inContainer: z.boolean(),
  addresses: z.array(HostAddress),
  /** Running state of the managed services (filled by the shell when status needs it). */
  services: z.record(z.string(), z.boolean()),
});
export type HostSnapshot = z.infer<typeof HostSnapshot>;

/** The NRPE side of the host, read only while the charm may own checks there (src/nrpe/read.ts). */
export const NrpeHost = z.object({
  /** /etc/nagios/nrpe.d exists: the NRPE subordinate has installed nagios-nrpe-server. */
  confDir: z.boolean(),
  /** File names in the Nagios export directory; null when it does not exist. */
  exportFiles: z.array(z.string()).nullable(),
  /** Content of the files this charm may own there that exist (a path not listed does not exist). */
  files: z.record(z.string(), z.string()),
  /** The check plugins the charm ships (its files/ directory), by name; empty when unrelated. */
  plugins: z.record(z.string(), z.string()),
});
export type NrpeHost = z.infer<typeof NrpeHost>;

/** Policy overrides, read by the hooks that apply them (install, config-changed, upgrade-charm). */
export const PolicyOverrides = z.object({
  /** Files now in /etc/glance/policy.d, by name. */
  current: z.record(z.string(), z.string()),
  /** With use-policyd-override: the resource zip's entries (path in the zip → text), or why it could not be read. */
  resource: z.union([z.object({ entries: z.record(z.string(), z.string()) }), z.object({ error: z.string() })]).optional(),
});
export type PolicyOverrides = z.infer<typeof PolicyOverrides>;

export const Snapshot = z.object({
  hook: HookContext,
  config: z.record(z.string(), z.unknown()),
  leader: z.boolean(),
  /** Leader-wide facts (the cluster peer application databag over the leader settings); read by the leader only. */
  leaderData: Databag,
  memory: UnitMemory,
  /** Relations by endpoint; the relation being broken is already left out. */
  relations: z.record(z.string(), z.array(RelationSnapshot)),
  /** network-get results by binding name; null when the binding has no address. */
  networks: z.record(z.string(), Network.nullable()),
  /** unit-get private-address fallback. */
  privateAddress: z.string(),
  host: HostSnapshot,
  /** Action parameters (actions only). */
  actionParams: z.record(z.string(), z.unknown()).optional(),
  /** Fresh random text from the shell, used once when a secret (the haproxy stats password) must be generated. */
  entropy: z.string(),
  nrpe: NrpeHost.optional(),
  policyd: PolicyOverrides.optional(),
});
export type Snapshot = z.infer<typeof Snapshot>;
