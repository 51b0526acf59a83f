/**
 * The charm's configuration: every config.yaml option, in config.yaml order, with its Juju
 * type, default and parsed form. This table is the single source of truth; a unit test checks
 * config.yaml against it. Options are keyed by their exact Juju names
 * (`config['image-size-cap']`).
 */
import { z } from 'zod';
import { cidr, hostName, ipAddress } from './addresses.js';
import { type Check, ok, validates } from './check.js';
import {
  bluestoreChoice,
  COMPRESSION_ALGORITHMS,
  COMPRESSION_MODES,
  EC_PLUGINS,
  POOL_TYPES,
  SCALAR_MDS,
} from './ceph.js';
import { parseConfigFlags } from './flags.js';
import { imageFormats, importProperties } from './formats.js';
import { aboveAtMost, atLeast, between, fraction, greaterThan } from './numbers.js';
import {
  anyText,
  boolean,
  int,
  type Option,
  optionalBlob,
  optionalFloat,
  optionalInt,
  optionalList,
  optionalString,
  string,
} from './option.js';
import { packageSource } from './origin.js';
import { base64Pem } from './pem.js';
import { parseSize } from './size.js';
import { localStoreDir, s3Endpoint } from './stores.js';
import { commaList, distinct, oneOf, plainName, spaceList } from './text.js';

const HARDEN_MODULES = ['os', 'ssh', 'apache', 'mysql'] as const;
/** Far above any sensible value (a few workers per CPU); only there to refuse absurd numbers. */
const MAX_WORKER_MULTIPLIER = 1000;

/** nagios_servicegroups: "" (use nagios_context) or a comma list of group names. */
const serviceGroups: Check<string, string> = (text) => (text === '' ? ok(text) : validates(commaList(plainName))(text));

export const OPTIONS = {
  debug: boolean(false),
  verbose: boolean(false),
  'use-syslog': boolean(false),
  'audit-middleware': boolean(false),
  'openstack-origin': string('caracal', packageSource),
  'action-managed-upgrade': boolean(false),
  harden: optionalString(validates(spaceList(oneOf(HARDEN_MODULES)))),
  'database-user': string('glance', plainName),
  database: string('glance', plainName),
  'api-config-flags': optionalList(parseConfigFlags),
  'registry-config-flags': optionalList(parseConfigFlags),
  region: string('RegionOne', plainName),
  'use-internal-endpoints': boolean(false),
  'ceph-osd-replication-count': int(3, atLeast(1)),
  'ceph-pool-weight': int(5, between(0, 100)),
  'restrict-ceph-pools': boolean(false),
  'rbd-pool-name': optionalString(plainName),
  'pool-type': string('replicated', oneOf(POOL_TYPES)),
  'rados-connect-timeout': int(1200, atLeast(0)),
  'ec-profile-name': optionalString(plainName),
  'ec-rbd-metadata-pool': optionalString(plainName),
  'ec-profile-k': int(1, atLeast(1)),
  'ec-profile-m': int(2, atLeast(1)),
  'ec-profile-locality': optionalInt(atLeast(1)),
  'ec-profile-crush-locality': optionalString(plainName),
  'ec-profile-durability-estimator': optionalInt(atLeast(1)),
  'ec-profile-helper-chunks': optionalInt(atLeast(1)),
  'ec-profile-scalar-mds': optionalString(oneOf(SCALAR_MDS)),
  'ec-profile-plugin': string('jerasure', oneOf(EC_PLUGINS)),
  'ec-profile-technique': optionalString(plainName),
  'ec-profile-device-class': optionalString(plainName),
  'cinder-volume-types': optionalList(distinct(commaList(plainName))),
  'cinder-http-retries': int(3, atLeast(0)),
  'cinder-state-transition-timeout': int(300, atLeast(0)),
  // Bounded so the worker count stays a number glance reads (1e300 would render as 8e+300).
  'worker-multiplier': optionalFloat(aboveAtMost(0, MAX_WORKER_MULTIPLIER)),
  'expose-image-locations': boolean(true),
  'restrict-image-location-operations': boolean(false),
  'rabbit-user': string('glance', plainName),
  'rabbit-vhost': string('openstack', plainName),
  'container-formats': optionalString(imageFormats),
  'disk-formats': string('ami,ari,aki,vhd,vmdk,raw,qcow2,vdi,iso,root-tar', imageFormats),
  'image-size-cap': string('1TB', parseSize),
  'dns-ha': boolean(false),
  vip: optionalList(spaceList(ipAddress)),
  vip_iface: string('eth0', plainName),
  vip_cidr: int(24, between(0, 128)),
  'ha-bindiface': string('eth0', plainName),
  'ha-mcastport': int(5444, between(1, 65535)),
  'haproxy-server-timeout': optionalInt(greaterThan(0)),
  'haproxy-client-timeout': optionalInt(greaterThan(0)),
  'haproxy-queue-timeout': optionalInt(greaterThan(0)),
  'haproxy-connect-timeout': optionalInt(greaterThan(0)),
  ssl_cert: optionalBlob(base64Pem),
  ssl_key: optionalBlob(base64Pem),
  ssl_ca: optionalBlob(base64Pem),
  'os-admin-network': optionalList(spaceList(cidr)),
  'os-internal-network': optionalList(spaceList(cidr)),
  'os-public-network': optionalList(spaceList(cidr)),
  'os-public-hostname': optionalString(hostName),
  'os-internal-hostname': optionalString(hostName),
  'os-admin-hostname': optionalString(hostName),
  'prefer-ipv6': boolean(false),
  nagios_context: string('juju', plainName),
  nagios_servicegroups: string('', serviceGroups),
  'filesystem-store-datadir': string('/var/lib/glance/images/', localStoreDir),
  'use-policyd-override': boolean(false),
  'bluestore-compression-algorithm': optionalString(bluestoreChoice('compression-algorithm', COMPRESSION_ALGORITHMS)),
  'bluestore-compression-mode': optionalString(bluestoreChoice('compression-mode', COMPRESSION_MODES)),
  'bluestore-compression-required-ratio': optionalFloat(fraction),
  'bluestore-compression-min-blob-size': optionalInt(atLeast(0)),
  'bluestore-compression-min-blob-size-hdd': optionalInt(atLeast(0)),
  'bluestore-compression-min-blob-size-ssd': optionalInt(atLeast(0)),
  'bluestore-compression-max-blob-size': optionalInt(atLeast(0)),
  'bluestore-compression-max-blob-size-hdd': optionalInt(atLeast(0)),
  'bluestore-compression-max-blob-size-ssd': optionalInt(atLeast(0)),
  'image-conversion': boolean(false),
  'custom-import-properties': optionalString(importProperties),
  's3-store-host': optionalString(s3Endpoint),
  's3-store-access-key': optionalString(anyText),
  's3-store-secret-key': optionalString(anyText),
  's3-store-bucket': optionalString(plainName),
} satisfies Record<string, Option>;

export type OptionName = keyof typeof OPTIONS;

/** Option names in config.yaml order (object keys keep insertion order for non-numeric keys). */
export const OPTION_NAMES = Object.keys(OPTIONS) as readonly OptionName[];

type Shape = { [K in OptionName]: (typeof OPTIONS)[K]['schema'] };

// Object.fromEntries loses the per-key types that OPTIONS carries; Shape restores them.
export const ConfigSchema = z.object(
  Object.fromEntries(OPTION_NAMES.map((name) => [name, OPTIONS[name].schema])) as Shape,
);

export type GlanceConfig = z.output<typeof ConfigSchema>;
