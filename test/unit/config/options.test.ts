// Every validation rule, one good and one bad value each, through parseConfig as the charm
// calls it: the good value's parsed form, and the exact status message of the bad one.
import { describe, expect, it } from 'vitest';
import { type OptionName, parseConfig } from '../../../src/config/index.js';

const pem = (label: string) =>
  Buffer.from(`-----BEGIN ${label}-----\nMIIBszCCAVmgAwIBAgIUQ0x0Yi1yZWFs\n-----END ${label}-----\n`).toString('base64');
const CERT = pem('CERTIFICATE');
const KEY = pem('PRIVATE KEY');

const good: [OptionName, unknown, unknown][] = [
  ['openstack-origin', 'distro', 'distro'],
  ['openstack-origin', 'distro-proposed', 'distro-proposed'],
  ['openstack-origin', 'epoxy', 'epoxy'],
  ['openstack-origin', 'caracal/proposed', 'caracal/proposed'],
  ['openstack-origin', 'cloud:jammy-caracal', 'cloud:jammy-caracal'],
  ['openstack-origin', 'cloud:jammy-bobcat/updates', 'cloud:jammy-bobcat/updates'],
  ['openstack-origin', 'ppa:openstack-ubuntu-testing/caracal', 'ppa:openstack-ubuntu-testing/caracal'],
  [
    'openstack-origin',
    'deb http://ubuntu-cloud.archive.canonical.com/ubuntu jammy-updates/caracal main',
    'deb http://ubuntu-cloud.archive.canonical.com/ubuntu jammy-updates/caracal main',
  ],
  ['harden', 'os ssh', 'os ssh'],
  ['harden', '', null],
  ['database', 'glance_db', 'glance_db'],
  ['database-user', 'glance-1', 'glance-1'],
  ['rabbit-user', 'glance.api', 'glance.api'],
  ['rabbit-vhost', 'openstack', 'openstack'],
  ['api-config-flags', 'image_cache_max_size=1024,enabled_import_methods=glance-direct,web-download', [
    ['image_cache_max_size', '1024'],
    ['enabled_import_methods', 'glance-direct,web-download'],
  ]],
  ['registry-config-flags', 'a=1', [['a', '1']]],
  ['region', 'us-east-1', 'us-east-1'],
  ['ceph-osd-replication-count', 1, 1],
  ['ceph-pool-weight', 0, 0],
  ['ceph-pool-weight', 100, 100],
  ['rbd-pool-name', 'images', 'images'],
  ['pool-type', 'erasure-coded', 'erasure-coded'],
  ['rados-connect-timeout', 0, 0],
  ['ec-profile-k', 4, 4],
  ['ec-profile-m', 1, 1],
  ['ec-profile-locality', 3, 3],
  ['ec-profile-scalar-mds', 'isa', 'isa'],
  ['ec-profile-plugin', 'clay', 'clay'],
  ['ec-profile-device-class', 'nvme', 'nvme'],
  ['cinder-volume-types', ' fast , slow ', ['fast', 'slow']],
  ['cinder-http-retries', 0, 0],
  ['cinder-state-transition-timeout', 0, 0],
  ['worker-multiplier', 0.25, 0.25],
  ['worker-multiplier', 2, 2],
  ['container-formats', 'bare,ovf, docker', 'bare,ovf, docker'],
  ['disk-formats', 'raw,qcow2,vhdx,ploop', 'raw,qcow2,vhdx,ploop'],
  ['image-size-cap', '500 G', 500 * 1024 ** 3],
  ['vip', '10.0.0.100  2001:db8::100', ['10.0.0.100', '2001:db8::100']],
  ['vip', '', []],
  ['vip_iface', 'br-ex', 'br-ex'],
  ['vip_cidr', 0, 0],
  ['vip_cidr', 128, 128],
  ['ha-mcastport', 5405, 5405],
  ['haproxy-server-timeout', 1, 1],
  ['haproxy-client-timeout', 90000, 90000],
  ['ssl_cert', CERT, CERT],
  // `base64` wraps at 76 columns by default; that is still a valid certificate.
  ['ssl_key', KEY.replace(/(.{76})/g, '$1\n'), KEY.replace(/(.{76})/g, '$1\n')],
  ['ssl_ca', CERT, CERT],
  ['os-admin-network', '192.168.0.0/24', ['192.168.0.0/24']],
  ['os-internal-network', '10.0.0.0/8 2001:db8::/64', ['10.0.0.0/8', '2001:db8::/64']],
  ['os-public-network', '203.0.113.7/32', ['203.0.113.7/32']],
  ['os-public-hostname', 'glance.example.com', 'glance.example.com'],
  ['os-internal-hostname', '{service_name}.internal.example.com', '{service_name}.internal.example.com'],
  ['os-admin-hostname', '2001:db8::5', '2001:db8::5'],
  ['nagios_context', 'prod', 'prod'],
  ['nagios_servicegroups', 'storage,glance', 'storage,glance'],
  ['filesystem-store-datadir', '/srv/glance', '/srv/glance'],
  ['filesystem-store-datadir', '', ''],
  ['bluestore-compression-algorithm', 'zstd', 'zstd'],
  ['bluestore-compression-mode', 'aggressive', 'aggressive'],
  ['bluestore-compression-required-ratio', 1, 1],
  ['bluestore-compression-min-blob-size', 0, 0],
  ['bluestore-compression-max-blob-size-ssd', 65536, 65536],
  ['custom-import-properties', 'os_distro:ubuntu,hw_disk_bus:scsi', 'os_distro:ubuntu,hw_disk_bus:scsi'],
];

const bad: [OptionName, unknown, string][] = [
  ['openstack-origin', 'cloud:jammy-diablo', 'openstack-origin: "cloud:jammy-diablo" is not a package source'],
  ['openstack-origin', 'caracal/backports', 'openstack-origin: "caracal/backports" is not a package source'],
  ['openstack-origin', '', 'openstack-origin: "" is not a package source'],
  ['harden', 'os selinux', 'harden: "selinux" is not one of: os, ssh, apache, mysql'],
  ['database', '', 'database: "" is not a plain name'],
  ['database-user', 'glance;drop', 'database-user: "glance;drop" is not a plain name'],
  ['rabbit-user', 'a b', 'rabbit-user: "a b" is not a plain name'],
  ['rabbit-vhost', '/openstack', 'rabbit-vhost: "/openstack" is not a plain name'],
  ['api-config-flags', 'a==b', 'api-config-flags: "a==b" contains "=="'],
  ['registry-config-flags', 'a=1, =2', 'registry-config-flags: "a=1, =2" has an empty key'],
  ['registry-config-flags', '1=2', 'registry-config-flags: key "1" is not an option name'],
  ['region', '[DEFAULT]', 'region: "[DEFAULT]" is not a plain name'],
  ['ceph-osd-replication-count', 0, 'ceph-osd-replication-count: 0 must be at least 1'],
  ['ceph-pool-weight', 101, 'ceph-pool-weight: 101 must be between 0 and 100'],
  ['rbd-pool-name', 'a=b', 'rbd-pool-name: "a=b" is not a plain name'],
  ['pool-type', 'mirrored', 'pool-type: "mirrored" is not one of: replicated, erasure-coded'],
  ['rados-connect-timeout', -1, 'rados-connect-timeout: -1 must be at least 0'],
  ['ec-profile-name', 'my profile', 'ec-profile-name: "my profile" is not a plain name'],
  ['ec-rbd-metadata-pool', '[meta]', 'ec-rbd-metadata-pool: "[meta]" is not a plain name'],
  ['ec-profile-k', 0, 'ec-profile-k: 0 must be at least 1'],
  ['ec-profile-m', 0, 'ec-profile-m: 0 must be at least 1'],
  ['ec-profile-durability-estimator', 0, 'ec-profile-durability-estimator: 0 must be at least 1'],
  ['ec-profile-helper-chunks', -2, 'ec-profile-helper-chunks: -2 must be at least 1'],
  ['ec-profile-scalar-mds', 'lrc', 'ec-profile-scalar-mds: "lrc" is not one of: jerasure, isa, shec'],
  ['ec-profile-plugin', 'reed', 'ec-profile-plugin: "reed" is not one of: jerasure, lrc, isa, shec, clay'],
  ['ec-profile-crush-locality', 'rack=1', 'ec-profile-crush-locality: "rack=1" is not a plain name'],
  ['cinder-volume-types', 'fast,,slow', 'cinder-volume-types: "fast,,slow" has an empty item between commas'],
  ['cinder-volume-types', 'fast,slow,fast', 'cinder-volume-types: "fast" is listed twice'],
  ['cinder-volume-types', 'fast:cinder', 'cinder-volume-types: "fast:cinder" is not a plain name'],
  ['cinder-volume-types', 'fast,ceph', 'cinder-volume-types: "ceph" is a section glance-api.conf already has'],
  ['cinder-volume-types', 'DEFAULT', 'cinder-volume-types: "DEFAULT" is a section glance-api.conf already has'],
  ['cinder-http-retries', -1, 'cinder-http-retries: -1 must be at least 0'],
  ['cinder-state-transition-timeout', -5, 'cinder-state-transition-timeout: -5 must be at least 0'],
  ['worker-multiplier', -1, 'worker-multiplier: -1 must be greater than 0'],
  ['worker-multiplier', 0, 'worker-multiplier: 0 must be greater than 0'],
  ['container-formats', 'bare,zip', 'container-formats: "zip" is not one of: ami, ari, aki, bare'],
  ['disk-formats', 'raw,', 'disk-formats: "raw," has an empty item between commas'],
  ['disk-formats', '', 'disk-formats: "" has an empty item between commas'],
  ['image-size-cap', '12XB', 'image-size-cap: "12XB" is not a size like 500G or 1TB'],
  ['vip', '10.0.0.1 10.0.0.300', 'vip: "10.0.0.300" is not an IP address'],
  ['vip', 'fe80::1%eth0', 'vip: "fe80::1%eth0" is not an IP address'],
  ['vip_iface', 'eth 0', 'vip_iface: "eth 0" is not a plain name'],
  ['vip_cidr', 129, 'vip_cidr: 129 must be between 0 and 128'],
  ['ha-bindiface', '', 'ha-bindiface: "" is not a plain name'],
  ['ha-mcastport', 0, 'ha-mcastport: 0 must be between 1 and 65535'],
  ['haproxy-server-timeout', 0, 'haproxy-server-timeout: 0 must be greater than 0'],
  ['haproxy-client-timeout', -1, 'haproxy-client-timeout: -1 must be greater than 0'],
  ['haproxy-queue-timeout', 0, 'haproxy-queue-timeout: 0 must be greater than 0'],
  ['haproxy-connect-timeout', 0, 'haproxy-connect-timeout: 0 must be greater than 0'],
  ['ssl_cert', 'not base64!', 'ssl_cert: is not a base64-encoded PEM file'],
  ['ssl_key', Buffer.from('just text').toString('base64'), 'ssl_key: is not a base64-encoded PEM file'],
  ['ssl_ca', CERT.slice(1), 'ssl_ca: is not a base64-encoded PEM file'],
  ['os-admin-network', '192.168.0.0', 'os-admin-network: "192.168.0.0" is not a network in CIDR form like 10.0.0.0/24'],
  ['os-internal-network', '10.0.0.0/33', 'os-internal-network: "10.0.0.0/33" is not a network in CIDR form'],
  ['os-public-network', '10.0.0.0/24 2001:db8::/129', 'os-public-network: "2001:db8::/129" is not a network in CIDR form'],
  ['os-public-hostname', 'https://glance.example.com', 'os-public-hostname: "https://glance.example.com" is not a host name or IP address'],
  ['os-internal-hostname', 'glance_int.example.com', 'os-internal-hostname: "glance_int.example.com" is not a host name or IP address'],
  ['os-admin-hostname', '-glance.example.com', 'os-admin-hostname: "-glance.example.com" is not a host name or IP address'],
  ['nagios_context', 'my context', 'nagios_context: "my context" is not a plain name'],
  ['nagios_servicegroups', 'a,,b', 'nagios_servicegroups: "a,,b" has an empty item between commas'],
  ['filesystem-store-datadir', 'images', 'filesystem-store-datadir: "images" is not an absolute path (or "" to disable the local store)'],
  ['bluestore-compression-mode', 'bogus', 'bluestore-compression-mode: "bogus" is not one of: none, passive, aggressive, force'],
  ['bluestore-compression-algorithm', 'gzip', 'bluestore-compression-algorithm: "gzip" is not one of: lz4, snappy, zlib, zstd'],
  ['bluestore-compression-required-ratio', 0, 'bluestore-compression-required-ratio: 0 must be greater than 0 and at most 1'],
  ['bluestore-compression-required-ratio', 1.5, 'bluestore-compression-required-ratio: 1.5 must be greater than 0 and at most 1'],
  ['bluestore-compression-min-blob-size-hdd', -1, 'bluestore-compression-min-blob-size-hdd: -1 must be at least 0'],
  ['bluestore-compression-max-blob-size', -1, 'bluestore-compression-max-blob-size: -1 must be at least 0'],
  ['custom-import-properties', 'os_distro:ubuntu,broken', 'custom-import-properties: "broken" is not a property:value pair'],
];

describe('option values', () => {
  it.each(good)('%s accepts %j', (name, value, expected) => {
    const { config, problems } = parseConfig({ [name]: value });
    expect(problems).toEqual([]);
    expect(config[name]).toEqual(expected);
  });

  it.each(bad)('%s refuses %j', (name, value, message) => {
    const { problems } = parseConfig({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'blocked', source: name });
    expect(problems[0]?.message.startsWith(message)).toBe(true);
  });
});

describe('s3 store', () => {
  const s3 = {
    's3-store-host': 'https://s3.example.com',
    's3-store-access-key': 'AKIA123',
    's3-store-secret-key': 'se/cr+et=',
    's3-store-bucket': 'images',
  };

  it('takes all four options', () => {
    const { config, problems } = parseConfig(s3);
    expect(problems).toEqual([]);
    expect(config['s3-store-secret-key']).toBe('se/cr+et=');
  });

  it.each(Object.keys(s3))('blocks when only %s is missing', (missing) => {
    const { problems } = parseConfig({ ...s3, [missing]: '' });
    expect(problems).toEqual([
      { severity: 'blocked', source: 's3', message: 'Invalid external S3 config: Missing necessary config options' },
    ]);
  });

  it.each([
    ['s3-store-host', 'http://10.0.0.5:7480'],
    ['s3-store-bucket', 'glance.images-1'],
  ])('accepts %s %j', (name, value) => {
    const { config, problems } = parseConfig({ ...s3, [name]: value });
    expect(problems).toEqual([]);
    expect(config[name as OptionName]).toBe(value);
  });

  it.each([
    ['s3-store-host', 'https://', 's3-store-host: "https://" is not a URL'],
    ['s3-store-bucket', 'my bucket', 's3-store-bucket: "my bucket" is not a plain name (letters, digits, \'_\', \'.\', \'-\')'],
  ])('refuses %s %j', (name, value, message) => {
    expect(parseConfig({ ...s3, [name]: value }).problems).toEqual([{ severity: 'blocked', source: name, message }]);
  });

  it('reports a host without scheme once, as itself', () => {
    const { problems } = parseConfig({ ...s3, 's3-store-host': 's3.example.com' });
    expect(problems.map((p) => p.message)).toEqual(['s3-store-host: "s3.example.com" must start with http:// or https://']);
  });
});
