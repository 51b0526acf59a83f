/**
 * GlanceModel: everything the templates, the published relation data and the status need,
 * built once per hook from the snapshot (see build.ts) and then treated as a frozen value.
 *
 * One optional key per ready relation: a key is present only when its relation is ready, so a
 * template tests `{{#if database}}` instead of checking half-filled fields. Values are already
 * formatted the way the files want them (URLs, joined lists, "True"/"False" where Python's
 * rendering printed booleans), so templates hold no logic beyond presence tests and loops.
 */
import type { IniPair, IniSection } from '../base/ini.js';
import type { Lineage, Release } from '../base/release.js';
import type { Endpoints } from '../network/addresses.js';
import type { AmqpContext } from '../relations/amqp.js';
import type { CephContext } from '../relations/ceph.js';
import type { DatabaseContext } from '../relations/shared-db.js';
import type { IdentityContext } from '../relations/identity-service.js';
import type { HttpsContext } from '../tls/https.js';

export interface HaproxyServer {
  name: string; // unit name with '/' -> '-'
  address: string;
  port: number;
}

export interface HaproxyBackend {
  /** Frontend network address this backend serves (the ACL and backend name use it). */
  address: string;
  netmask: string;
  servers: readonly HaproxyServer[];
}

export interface HaproxyContext {
  statsPassword: string;
  /** '127.0.0.1' or 'ip6-localhost' with prefer-ipv6. */
  statsBind: string;
  timeouts: { queue: number; connect: number; client: number; server: number };
  /** `bind :::9292` as well (unless IPv6 is disabled on the host). */
  ipv6: boolean;
  /** Backends per network; the first is the default (the cluster/private address network). */
  backends: readonly HaproxyBackend[];
  defaultBackend: string; // address of the default backend
  /** Backends use `check check-ssl verify none` when Apache terminates TLS. */
  checkSsl: boolean;
}

export interface BackendsContext {
  /** `enabled_backends` value, e.g. "local:file, ceph:rbd, swift:swift" (stein+); undefined when none. */
  enabled?: string;
  /** [glance_store] default_backend (stein+). */
  defaultBackend?: string;
  /** Only with more than one non-local backend. */
  radosConnectTimeout?: number;
  /** [ceph] rados_connect_timeout: the option's value with several non-local backends, else 0. */
  cephRadosConnectTimeout: number;
  /** Backend sections ([local], [ceph], [swift], [s3], [<cinder type>]) in order. */
  sections: readonly IniSection[];
  /** Pre-stein single store: comma-joined sorted known stores and the default store. */
  knownStores: string;
  defaultStore: string;
}

export interface ImageImportContext {
  /** Python list repr, e.g. "['image_conversion', 'inject_image_metadata']"; undefined when empty. */
  plugins?: string;
  conversion: boolean;
  customProperties?: string;
}

export interface GlanceModel {
  release: Release;
  lineage: Lineage;
  /** glance-registry.conf and the registry service exist (before stein). */
  hasRegistry: boolean;
  appName: string;
  unitName: string;
  /** hacluster reported `clustered`: endpoints resolve to the VIP(s). */
  clustered: boolean;

  logging: { debug: string; verbose: string; useSyslog: string }; // "True"/"False"
  workers: number;
  bindHost: string; // 0.0.0.0 or ::
  registryHost: string; // 0.0.0.0 or [::]
  /** glance-api's bind_port: 9282, or 9272 behind Apache TLS. */
  apiPort: number;
  imageSizeCap: number;
  diskFormats: string;
  containerFormats?: string;
  filesystemStoreDatadir?: string;
  /** show_multiple_locations / show_image_direct_url (ceph ready, option on, no S3). */
  exposeImageLocations: boolean;
  apiConfigFlags: readonly IniPair[];
  registryConfigFlags: readonly IniPair[];
  memcacheUrl?: string; // inet6:[::1]:11211
  memcacheListen: string; // ::1 or 127.0.0.1 (memcached.conf -l)
  auditMiddleware: boolean;
  imageImport: ImageImportContext;
  useInternalEndpoints: boolean;
  /** policy.yaml rule values ("" or "role:admin"). */
  imageLocationPolicy: string;

  database?: DatabaseContext;
  identity?: IdentityContext;
  amqp?: AmqpContext;
  ceph?: CephContext;
  /** object-store related: swift store on, glance-swift.conf rendered with keystone credentials. */
  swift?: true;
  backends: BackendsContext;
  /** Non-DEFAULT sections from storage-backend subordinate_configuration for glance-api.conf. */
  subordinateSections: readonly IniSection[];
  haproxy: HaproxyContext;
  https?: HttpsContext;
  endpoints: Endpoints;
}
