/**
 * The charm's configuration: every config.yaml option, in config.yaml order, with its Juju
 * type, default and parsed form. This table is the single source of truth; a unit test checks
 * config.yaml against it. Options are keyed by their exact Juju names
 * (`config['image-size-cap']`). Every free-text option is bounded by what the system that
 * receives it accepts (limits.ts); the base64 PEM options are bounded by being PEM.
 */
import { GLANCE_API_SECTIONS } from '../base/glance-api.js';
import { z } from 'zod';
import { cidr, hostName, ipAddress } from './addresses.js';
import { type Check, ok, validates } from './check.js';
import { COMPRESSION_ALGORITHMS, COMPRESSION_MODES, EC_PLUGINS, POOL_TYPES, SCALAR_MDS } from './ceph.js';
import { parseConfigFlags } from './flags.js';
import { imageFormats, importProperties } from './formats.js';
import {
  bounded,
  CEPH_NAME,
  CINDER_VOLUME_TYPE,
  DNS_LABEL,
  INTERFACE_NAME,
  KEYSTONE_REGION,
  LINE,
  type Limit,
  MYSQL_DATABASE,
  MYSQL_USER,
  PATH,
  RABBIT_NAME,
  S3_ACCESS_KEY,
  S3_BUCKET,
} from './limits.js';
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
import { commaList, distinct, noneOf, oneOf, plainName, spaceList } from './text.js';

const HARDEN_MODULES = ['os', 'ssh', 'apache', 'mysql'] as const;
/** Far above any sensible value (a few workers per CPU); only there to refuse absurd numbers. */
const MAX_WORKER_MULTIPLIER = 1000;

/** A name another system stores (a database, a user, a pool): plain, and no longer than it takes. */
const nameFor = (limit: Limit): Check<string, string> => bounded(limit, plainName);
const cephName = nameFor(CEPH_NAME);
/** Free text bound only by being one line of a file or one relation value. */
const line = <T>(check: Check<string, T>): Check<string, T> => bounded(LINE, check);

/** nagios_servicegroups: "" (use nagios_context) or a comma list of group names. */
const serviceGroups: Check<string, string> = (text) => (text === '' ? ok(text) : validates(commaList(plainName))(text));

export const OPTIONS = {
  debug: boolean(false),
  verbose: boolean(false),
  'use-syslog': boolean(false),
  'audit-middleware': boolean(false),
  'openstack-origin': string('caracal', line(packageSource)),
  'action-managed-upgrade': boolean(false),
  harden: optionalString(line(validates(spaceList(oneOf(HARDEN_MODULES))))),
  'database-user': string('glance', nameFor(MYSQL_USER)),
  database: string('glance', nameFor(MYSQL_DATABASE)),
  'api-config-flags': optionalList(line(parseConfigFlags)),
  'registry-config-flags': optionalList(line(parseConfigFlags)),
  region: string('RegionOne', nameFor(KEYSTONE_REGION)),
  'use-internal-endpoints': boolean(false),
  'ceph-osd-replication-count': int(3, atLeast(1)),
  'ceph-pool-weight': int(5, between(0, 100)),
  'restrict-ceph-pools': boolean(false),
  'rbd-pool-name': optionalString(cephName),
  'pool-type': string('replicated', oneOf(POOL_TYPES)),
  'rados-connect-timeout': int(1200, atLeast(0)),
  'ec-profile-name': optionalString(cephName),
  'ec-rbd-metadata-pool': optionalString(cephName),
  'ec-profile-k': int(1, atLeast(1)),
  'ec-profile-m': int(2, atLeast(1)),
  'ec-profile-locality': optionalInt(atLeast(1)),
  'ec-profile-crush-locality': optionalString(cephName),
  'ec-profile-durability-estimator': optionalInt(atLeast(1)),
  'ec-profile-helper-chunks': optionalInt(atLeast(1)),
  'ec-profile-scalar-mds': optionalString(oneOf(SCALAR_MDS)),
  'ec-profile-plugin': string('jerasure', oneOf(EC_PLUGINS)),
  'ec-profile-technique': optionalString(cephName),
  'ec-profile-device-class': optionalString(cephName),
  // Each type is a section and a backend name of glance-api.conf: one already there would be overwritten.
  'cinder-volume-types': optionalList(
    line(distinct(noneOf(GLANCE_API_SECTIONS, 'a section glance-api.conf already has')(commaList(nameFor(CINDER_VOLUME_TYPE))))),
  ),
  'cinder-http-retries': int(3, atLeast(0)),
  'cinder-state-transition-timeout': int(300, atLeast(0)),
  // Bounded so the worker count stays a number glance reads (1e300 would render as 8e+300).
  'worker-multiplier': optionalFloat(aboveAtMost(0, MAX_WORKER_MULTIPLIER)),
  'expose-image-locations': boolean(true),
  'restrict-image-location-operations': boolean(false),
  'rabbit-user': string('glance', nameFor(RABBIT_NAME)),
  'rabbit-vhost': string('openstack', nameFor(RABBIT_NAME)),
  'container-formats': optionalString(line(imageFormats)),
  'disk-formats': string('ami,ari,aki,vhd,vmdk,raw,qcow2,vdi,iso,root-tar', line(imageFormats)),
  'image-size-cap': string('1TB', parseSize),
  'dns-ha': boolean(false),
  vip: optionalList(line(spaceList(ipAddress))),
  vip_iface: string('eth0', nameFor(INTERFACE_NAME)),
  vip_cidr: int(24, between(0, 128)),
  'ha-bindiface': string('eth0', nameFor(INTERFACE_NAME)),
  'ha-mcastport': int(5444, between(1, 65535)),
  'haproxy-server-timeout': optionalInt(greaterThan(0)),
  'haproxy-client-timeout': optionalInt(greaterThan(0)),
  'haproxy-queue-timeout': optionalInt(greaterThan(0)),
  'haproxy-connect-timeout': optionalInt(greaterThan(0)),
  ssl_cert: optionalBlob(base64Pem),
  ssl_key: optionalBlob(base64Pem),
  ssl_ca: optionalBlob(base64Pem),
  'os-admin-network': optionalList(line(spaceList(cidr))),
  'os-internal-network': optionalList(line(spaceList(cidr))),
  'os-public-network': optionalList(line(spaceList(cidr))),
  'os-public-hostname': optionalString(hostName),
  'os-internal-hostname': optionalString(hostName),
  'os-admin-hostname': optionalString(hostName),
  'prefer-ipv6': boolean(false),
  nagios_context: string('juju', nameFor(DNS_LABEL)),
  nagios_servicegroups: string('', line(serviceGroups)),
  'filesystem-store-datadir': string('/var/lib/glance/images/', bounded(PATH, localStoreDir)),
  'use-policyd-override': boolean(false),
  'bluestore-compression-algorithm': optionalString(oneOf(COMPRESSION_ALGORITHMS)),
  'bluestore-compression-mode': optionalString(oneOf(COMPRESSION_MODES)),
  'bluestore-compression-required-ratio': optionalFloat(fraction),
  'bluestore-compression-min-blob-size': optionalInt(atLeast(0)),
  'bluestore-compression-min-blob-size-hdd': optionalInt(atLeast(0)),
  'bluestore-compression-min-blob-size-ssd': optionalInt(atLeast(0)),
  'bluestore-compression-max-blob-size': optionalInt(atLeast(0)),
  'bluestore-compression-max-blob-size-hdd': optionalInt(atLeast(0)),
  'bluestore-compression-max-blob-size-ssd': optionalInt(atLeast(0)),
  'image-conversion': boolean(false),
  'custom-import-properties': optionalString(line(importProperties)),
  's3-store-host': optionalString(line(s3Endpoint)),
  's3-store-access-key': optionalString(bounded(S3_ACCESS_KEY, anyText)),
  's3-store-secret-key': optionalString(line(anyText)),
  's3-store-bucket': optionalString(nameFor(S3_BUCKET)),
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
