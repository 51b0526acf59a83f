/**
 * The longest value each receiving system accepts, so that a value it would refuse (or choke on)
 * blocks the unit naming the option instead of being rendered and sent. Lengths are counted in
 * UTF-16 code units, which equal characters for the ASCII-only names most of these options allow.
 */
import { type Check, andThen, bad, ok } from './check.js';

export interface Limit {
  max: number;
  /** What the value becomes there, for the status message. */
  what: string;
}

/** MySQL 8 user names: mysql.user.User is CHAR(32). */
export const MYSQL_USER: Limit = { max: 32, what: 'a MySQL user name' };
/** MySQL identifiers (database names) are at most 64 characters. */
export const MYSQL_DATABASE: Limit = { max: 64, what: 'a MySQL database name' };
/** Keystone region ids: region.id is VARCHAR(255). */
export const KEYSTONE_REGION: Limit = { max: 255, what: 'a Keystone region id' };
/**
 * AMQP 0-9-1 short strings carry at most 255 octets; connection.open sends the vhost as one.
 * The user name goes to rabbitmq-server in the same request and is held to the same bound.
 */
export const RABBIT_NAME: Limit = { max: 255, what: 'a RabbitMQ user or vhost name' };
/**
 * Ceph documents no limit on pool, profile, CRUSH type or device class names; they travel in
 * the broker request ceph-mon stores, so they are held to the 255 of the other names here.
 */
export const CEPH_NAME: Limit = { max: 255, what: 'a Ceph name' };
/** Cinder volume type names: volume_types.name is VARCHAR(255). */
export const CINDER_VOLUME_TYPE: Limit = { max: 255, what: 'a Cinder volume type name' };
/** Linux interface names: IFNAMSIZ is 16 with the terminating NUL. */
export const INTERFACE_NAME: Limit = { max: 15, what: 'a network interface name' };
/** nagios_context is the first part of the host name Nagios shows (juju-glance-0): one DNS label. */
export const DNS_LABEL: Limit = { max: 63, what: 'a DNS label' };
/** Linux PATH_MAX is 4096 with the terminating NUL. */
export const PATH: Limit = { max: 4095, what: 'a path' };
/** S3 bucket names are 3 to 63 characters. */
export const S3_BUCKET: Limit = { max: 63, what: 'an S3 bucket name' };
/** AWS access key ids are at most 128 characters (IAM AccessKeyId); RGW's are 20. */
export const S3_ACCESS_KEY: Limit = { max: 128, what: 'an S3 access key' };
/**
 * Text that becomes one line of a configuration file or a relation value where the receiver
 * sets no limit of its own (package sources, config flags, lists, URLs, secrets): far beyond
 * any sensible value, it only stops a runaway one from being written and sent.
 */
export const LINE: Limit = { max: 4096, what: 'one configuration line' };

export const within =
  ({ max, what }: Limit): Check<string, string> =>
  (text) =>
    text.length <= max ? ok(text) : bad(`${text.length} characters is too long for ${what} (at most ${max})`);

/** The length first, so a runaway value is reported as such rather than by its first characters. */
export const bounded = <T>(limit: Limit, check: Check<string, T>): Check<string, T> => andThen(within(limit), check);
