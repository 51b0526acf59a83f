/**
 * The package set per release (reference §10, determine_packages for rocky+ and stein+).
 * Names are Ubuntu's, which Debian shares; openstack-release exists only on Ubuntu.
 */
import { hasRegistry, type Release } from '../base/release.js';
import { UBUNTU_SERIES } from './release-detect.js';

const BASE = [
  'apache2', 'glance', 'haproxy', 'memcached', 'python3-boto3', 'python3-cinderclient', 'python3-glance',
  'python3-os-brick', 'python3-oslo.rootwrap', 'python3-rados', 'python3-rbd', 'python3-swiftclient',
  'qemu-utils', 'uuid',
];

export function packagesFor(release: Release, series: string | null): string[] {
  const pkgs = [...BASE];
  if (hasRegistry(release)) pkgs.push('glance-registry');
  if (series && UBUNTU_SERIES.includes(series)) pkgs.push('openstack-release');
  return pkgs.sort();
}

/** Python 2 era packages the reference purges on upgrade (rocky+), plus the registry on stein+. */
export function obsoletePackages(release: Release): string[] {
  const old = [
    'python-mysqldb', 'python-swiftclient', 'python-psycopg2', 'python-keystone', 'python-glance',
    'python-memcache', 'python-cinderclient', 'python-os-brick', 'python-oslo.rootwrap',
  ];
  return hasRegistry(release) ? old : [...old, 'glance-registry'];
}

/** Services this charm manages for a release (haproxy is left to hacluster when related). */
export function managedServices(release: Release, opts: { https: boolean; haRelated: boolean }): string[] {
  const s = ['glance-api'];
  if (hasRegistry(release)) s.push('glance-registry');
  if (!opts.haRelated) s.push('haproxy');
  if (opts.https) s.push('apache2');
  s.push('memcached');
  return s;
}
