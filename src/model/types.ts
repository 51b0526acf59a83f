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

export interface DatabaseContext {
  /** Full SQLAlchemy URL, e.g. mysql+pymysql://glance:pw@10.0.0.5/glance?ssl_ca=... */
  connection: string;
  /** `connection_recycle_time` (or `idle_timeout` for plain mysql): always 3600. */
  recycleKey: 'connection_recycle_time' | 'idle_timeout';
}

export interface IdentityContext {
  /** [keystone_authtoken] lines in the reference order (auth_type, www_authenticate_uri|auth_uri, ...). */
  authtoken: readonly IniPair[];
  /** `<service_protocol>://<service_host>:<service_port>/v3`: [barbican] auth_endpoint, swift auth_address. */
  serviceUrl: string;
  /** `<auth_protocol>://<auth_host>:<auth_port>/v3`, the keystone auth_url (cinder store). */
  authUrl: string;
  projectName: string;
  username: string;
  password: string;
  projectDomainName: string;
  projectDomainId: string;
  userDomainName: string;
  userDomainId: string;
  /** '3' or '2' (keystone api_version). */
  apiVersion: string;
}

export interface AmqpContext {
  transportUrl: string;
  haQueues: boolean;
  ssl: boolean;
  /** Set when the rabbit side sent a CA: /etc/glance/rabbit-client-ca.pem */
  sslCaFile?: string;
}

export interface CephContext {
  /** Sorted, space-joined monitor addresses. */
  monHosts: string;
  auth: string;
  key: string;
  rbdFeatures?: string;
  /** The pool glance-api stores images in (the metadata pool for erasure-coded). */
  pool: string;
  user: string;
  /** EC only: the data pool ceph.conf's [client] `rbd default data pool` names. */
  dataPool?: string;
  /** ceph.conf `log/err/clog to syslog`: use-syslog in lower case ('true'/'false'), as Ceph writes booleans. */
  logToSyslog: 'true' | 'false';
}

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

export interface HttpsVhost {
  /** Address Apache listens on (the unit's address for that endpoint type). */
  address: string;
  /** Name the certificate is stored under: cert_<cn>, key_<cn>. */
  cn: string;
}

export interface HttpsContext {
  /** Apache listens here (9282) and proxies to glance-api on `internalPort` (9272). */
  externalPort: number;
  internalPort: number;
  vhosts: readonly HttpsVhost[];
  certDir: string; // /etc/apache2/ssl/glance
}

export interface Endpoints {
  public: string; // https://glance.example.com:9292
  internal: string;
  admin: string;
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
