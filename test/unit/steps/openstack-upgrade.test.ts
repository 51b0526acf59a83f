/**
 * OpenStack release upgrades: when one is due, what the packages step does, and that
 * config-changed upgrades only when the operator has not asked to run the action themselves.
 */
import { describe, expect, it } from 'vitest';
import type { Effect } from '../../../src/plan.js';
import { routeFor } from '../../../src/routes.js';
import type { Snapshot } from '../../../src/snapshot.js';
import * as upgrade from '../../../src/steps/openstack-upgrade.js';
import { onSnapshot } from '../../fixtures/hook-plan.js';
import { deployed, relation } from '../../fixtures/snapshot.js';

const upgradeTarget = onSnapshot(upgrade.upgradeTarget);
const stopAndSyncEffects = onSnapshot(upgrade.stopAndSyncEffects);
const configChangedUpgrade = onSnapshot(upgrade.configChangedUpgrade);
/** The packages step for the upgrade the snapshot's origin asks for. */
const upgradePackageEffects = (snap: Snapshot): Effect[] => {
  const due = upgradeTarget(snap);
  if (!due) throw new Error('no upgrade due');
  return upgrade.upgradePackageEffects(snap, due);
};
const step = (snap: Snapshot): Effect[] => {
  const route = routeFor('config-changed');
  if (route.kind !== 'reconcile' || !route.step) throw new Error('config-changed has a step');
  return onSnapshot(route.step)(snap);
};

const CARACAL = '2:28.0.0-0ubuntu1';
const on = (version: string | null, config: Record<string, unknown> = {}, over: Partial<Snapshot> = {}): Snapshot => {
  const s = deployed({ config, ...over });
  return { ...s, host: { ...s.host, glanceCommonVersion: version } };
};
const describeEffect = (e: Effect): string => {
  switch (e.kind) {
    case 'command':
      return e.argv.join(' ');
    case 'service':
      return `${e.action} ${e.service}`;
    case 'apt-install':
    case 'apt-purge':
      return `${e.kind} ${e.packages.join(' ')}`;
    case 'write-file':
      return `write-file ${e.path}: ${e.content.trim().split('\n').at(-1)}`;
    case 'progress':
      return `progress ${e.message}`;
    case 'mkdir':
      return `mkdir ${e.path} ${e.owner.user}:${e.owner.group} ${e.owner.mode.toString(8)}`;
    default:
      return e.kind;
  }
};

describe('upgradeTarget', () => {
  it.each([
    [CARACAL, 'caracal', undefined],
    [CARACAL, 'cloud:noble-dalmatian', 'dalmatian'],
    [CARACAL, 'epoxy', 'epoxy'],
    [CARACAL, 'cloud:noble-bobcat', undefined],
    [CARACAL, 'distro', undefined],
    ['2:26.0.0-0ubuntu1', 'distro', 'caracal'],
    [null, 'epoxy', undefined],
  ])('glance-common %s with openstack-origin %s → %s', (version, origin, target) => {
    expect(upgradeTarget(on(version, { 'openstack-origin': origin }))?.release).toBe(target);
  });

  it('never from an invalid openstack-origin, nor from one this unit cannot use', () => {
    expect(upgradeTarget(on(CARACAL, { 'openstack-origin': 'cloud:noble-nonsense' }))).toBeUndefined();
    expect(upgradeTarget(on(CARACAL, { 'openstack-origin': 'cloud:jammy-dalmatian' }))).toBeUndefined();
    expect(upgradeTarget(on(CARACAL, { 'openstack-origin': 'dalmatian/updates' }))).toBeUndefined();
  });

  it('carries the package source decide() planned for the unit', () => {
    expect(upgradeTarget(on(CARACAL, { 'openstack-origin': 'dalmatian' }))?.source).toEqual([
      { kind: 'apt-install', packages: ['ubuntu-cloud-keyring'] },
      {
        kind: 'write-file',
        path: '/etc/apt/sources.list.d/cloud-archive.list',
        content: '# Ubuntu Cloud Archive\ndeb http://ubuntu-cloud.archive.canonical.com/ubuntu noble-updates/dalmatian main\n',
        owner: { user: 'root', group: 'root', mode: 0o644 },
      },
    ]);
  });
});

describe('the upgrade steps', () => {
  const snap = on(CARACAL, { 'openstack-origin': 'cloud:noble-dalmatian' });

  it('new source, update, dist-upgrade taking the packages config files, the release packages, /etc/glance secured', () => {
    expect(upgradePackageEffects(snap).map(describeEffect)).toEqual([
      'progress Upgrading OpenStack release',
      'apt-install ubuntu-cloud-keyring',
      'write-file /etc/apt/sources.list.d/cloud-archive.list: deb http://ubuntu-cloud.archive.canonical.com/ubuntu noble-updates/dalmatian main',
      'apt-update',
      'apt-get --assume-yes --option=DPkg::Lock::Timeout=300 --option=Dpkg::Options::=--force-confnew --option=Dpkg::Options::=--force-confdef dist-upgrade',
      'apt-install apache2 glance haproxy memcached openstack-release python3-boto3 python3-cinderclient python3-glance python3-os-brick python3-oslo.rootwrap python3-rados python3-rbd python3-swiftclient qemu-utils uuid',
      'mkdir /etc/glance root:glance 750',
    ]);
  });

  it('purges obsolete packages only when installed (the archive no longer knows the others)', () => {
    const old = on(CARACAL, { 'openstack-origin': 'cloud:noble-dalmatian' });
    old.host = { ...old.host, packages: { 'python-glance': '1:2', 'glance-registry': '2:18.0.0', 'python-mysqldb': null } };
    const purge = upgradePackageEffects(old).map(describeEffect).filter((e) => e.includes('purge'));
    expect(purge).toEqual(['apt-purge python-glance glance-registry', 'apt-get --assume-yes --purge autoremove']);
  });

  it('stops the services of the new release and lets only the leader migrate the schema', () => {
    expect(stopAndSyncEffects(snap, 'dalmatian').map(describeEffect)).toEqual([
      'stop glance-api',
      'stop haproxy',
      'stop memcached',
      'glance-manage db_sync',
    ]);
    expect(stopAndSyncEffects({ ...snap, leader: false }, 'dalmatian').map(describeEffect)).not.toContain('glance-manage db_sync');
    const queens = on('2:16.0.0-0ubuntu1', { 'openstack-origin': 'cloud:bionic-rocky' }, { host: { ...deployed().host, osCodename: 'bionic' } });
    expect(stopAndSyncEffects(queens, 'rocky').map(describeEffect)).toContain('stop glance-registry');
  });

  it('config-changed upgrades unless action-managed-upgrade is set, and only when something newer is named', () => {
    expect(step(snap).map(describeEffect)).toContain('glance-manage db_sync');
    expect(configChangedUpgrade(on(CARACAL, { 'openstack-origin': 'cloud:noble-dalmatian', 'action-managed-upgrade': true }))).toEqual([]);
    expect(step(on(CARACAL))).toEqual([]);
    // An origin this unit cannot use installs and upgrades nothing: the reconcile blocks on it.
    expect(step(on(CARACAL, { 'openstack-origin': 'cloud:jammy-dalmatian' }))).toEqual([]);
    expect(step(on(null, { 'openstack-origin': 'cloud:jammy-dalmatian' }))).toEqual([]);
    expect(step(on(null, { 'openstack-origin': 'cloud:noble-dalmatian' })).map(describeEffect)).toContain('apt-install ubuntu-cloud-keyring');
  });

  it('a non-leader without the database upgrades its packages and stops, without migrating', () => {
    const lone = on(CARACAL, { 'openstack-origin': 'epoxy' }, { leader: false, relations: { 'identity-service': [relation('identity-service', 2, 'keystone')] } });
    const effects = configChangedUpgrade(lone).map(describeEffect);
    expect(effects).toContain('stop glance-api');
    expect(effects).not.toContain('glance-manage db_sync');
  });
});
