/**
 * Lifecycle steps: upgrade-charm, the series upgrade pair, stop and remove, and how the routes
 * run them (stop and remove never reconcile).
 */
import { describe, expect, it } from 'vitest';
import type { Effect } from '../../../src/plan.js';
import { onSnapshot, reconcile } from '../../fixtures/hook-plan.js';
import { routeFor } from '../../../src/routes.js';
import type { Snapshot } from '../../../src/snapshot.js';
import * as install from '../../../src/steps/install.js';
import * as seriesUpgrade from '../../../src/steps/series-upgrade.js';
import { removeEffects, stopEffects } from '../../../src/steps/teardown.js';
import * as upgradeCharm from '../../../src/steps/upgrade-charm.js';
import { foldPlan, ofKind } from '../../fixtures/fold-plan.js';
import { deployed } from '../../fixtures/snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';

const installEffects = onSnapshot(install.installEffects);
const upgradeCharmEffects = onSnapshot(upgradeCharm.upgradeCharmEffects);
const preSeriesUpgradeEffects = onSnapshot(seriesUpgrade.preSeriesUpgradeEffects);
const postSeriesUpgradeEffects = onSnapshot(seriesUpgrade.postSeriesUpgradeEffects);
const kinds = (effects: Effect[]) =>
  effects.map((e) =>
    e.kind === 'command' ? e.argv.join(' ') : e.kind === 'service' ? `${e.action} ${e.service}` : 'path' in e ? `${e.kind} ${e.path}` : e.kind,
  );
const withHost = (snap: Snapshot, host: Partial<Snapshot['host']>): Snapshot => ({ ...snap, host: { ...snap.host, ...host } });

describe('upgrade-charm', () => {
  it('installs what is missing and puts back package config files once per unit', () => {
    const first = upgradeCharmEffects(deployed());
    expect(kinds(first)).toEqual([
      'apt-update',
      'apt-install',
      'mkdir /etc/glance',
      'apt-get --assume-yes --option=DPkg::Lock::Timeout=300 --reinstall --option=Dpkg::Options::=--force-confmiss --option=Dpkg::Options::=--force-confold install glance-common',
      'memory',
    ]);
    expect(first.at(-1)).toEqual({ kind: 'memory', memory: { pasteIniReinstalled: true } });
    expect(kinds(upgradeCharmEffects(deployed({ memory: { pasteIniReinstalled: true } })))).toEqual(['apt-update', 'apt-install', 'mkdir /etc/glance']);
  });

  it('purges installed obsolete packages, reinstalls package config and restarts the running services', () => {
    const snap = withHost(deployed({ memory: { pasteIniReinstalled: true } }), { packages: { 'python-glance': '2:17', 'python-keystone': null } });
    const effects = upgradeCharmEffects(snap);
    expect(effects).toContainEqual({ kind: 'apt-purge', packages: ['python-glance'] });
    expect(kinds(effects)).toEqual(expect.arrayContaining(['apt-get --assume-yes --purge autoremove', 'restart glance-api', 'restart haproxy']));
    expect(kinds(effects).some((k) => k.includes('--reinstall'))).toBe(true);
    const paused = { ...snap, memory: { ...snap.memory, paused: true } };
    expect(kinds(upgradeCharmEffects(paused)).filter((k) => k.startsWith('restart'))).toEqual([]);
  });

  it('keeps a glance-registry.conf an older release left as .old, with its secret mode', () => {
    const snap = withHost(deployed(), { files: { '/etc/glance/glance-registry.conf': '[database]\nconnection = x\n' } });
    const effects = upgradeCharmEffects(snap);
    expect(effects).toContainEqual({
      kind: 'write-file',
      path: '/etc/glance/glance-registry.conf.old',
      content: '[database]\nconnection = x\n',
      owner: { user: 'root', group: 'glance', mode: 0o640 },
    });
    expect(effects).toContainEqual({ kind: 'delete-file', path: '/etc/glance/glance-registry.conf' });
    const rocky = withHost(snap, { glanceCommonVersion: '2:17.0.0-0ubuntu1', osCodename: 'bionic' });
    expect(kinds(upgradeCharmEffects(rocky))).not.toContain('delete-file /etc/glance/glance-registry.conf');
  });

  it('installs from scratch when glance is not installed yet', () => {
    const bare = withHost(deployed(), { glanceCommonVersion: null });
    expect(upgradeCharmEffects(bare)).toEqual(installEffects(bare));
    expect(kinds(upgradeCharmEffects(bare))).toContain('progress');
  });
});

describe('series upgrade', () => {
  const ready = () => {
    const s = deployed();
    return foldPlan(s, reconcile(s, { templates }));
  };

  it('pre-series-upgrade pauses and remembers; the status asks for the OS upgrade; nothing starts meanwhile', () => {
    const snap = ready();
    const effects = preSeriesUpgradeEffects(snap);
    expect(kinds(effects)).toEqual(expect.arrayContaining(['stop glance-api', 'disable glance-api', 'mask glance-api', 'mask haproxy']));
    const memory = effects.at(-1);
    expect(memory).toMatchObject({ kind: 'memory', memory: { paused: true, seriesUpgrading: true } });
    const during = foldPlan(snap, { effects });
    const plan = reconcile(during, { templates, statusDirty: true });
    expect(ofKind(plan, 'status')).toEqual([
      { kind: 'status', status: 'blocked', message: 'Ready for do-release-upgrade and reboot. Set complete when finished.' },
    ]);
    expect(ofKind(plan, 'service')).toEqual([]);
  });

  it('pre-series-upgrade leaves an already paused unit alone', () => {
    const paused = { ...ready(), memory: { ...ready().memory, paused: true } };
    expect(kinds(preSeriesUpgradeEffects(paused))).toEqual(['memory']);
  });

  it('post-series-upgrade forgets both, unmasks, and the reconcile starts everything: Unit is ready', () => {
    const snap = ready();
    const during = foldPlan(snap, { effects: preSeriesUpgradeEffects(snap) });
    const effects = postSeriesUpgradeEffects(during);
    expect(kinds(effects)).toEqual(expect.arrayContaining(['unmask glance-api', 'enable glance-api']));
    const after = foldPlan(during, { effects });
    expect(after.memory.paused).toBeUndefined();
    expect(after.memory.seriesUpgrading).toBeUndefined();
    const plan = reconcile(after, { templates, statusDirty: true });
    expect(ofKind(plan, 'service').map((s) => `${s.action} ${s.service}`)).toEqual(['start glance-api', 'start haproxy', 'start memcached']);
    expect(ofKind(plan, 'status')).toEqual([{ kind: 'status', status: 'active', message: 'Unit is ready' }]);
  });
});

describe('stop and remove', () => {
  it('run their step only, never a reconcile', () => {
    expect(routeFor('stop').kind).toBe('step');
    expect(routeFor('remove').kind).toBe('step');
    expect(routeFor('pre-series-upgrade').kind).toBe('reconcile');
  });

  it('stop stops every service this unit manages (nothing before install)', () => {
    expect(kinds(onSnapshot(stopEffects)(deployed()))).toEqual(['stop glance-api', 'stop haproxy', 'stop memcached']);
    expect(onSnapshot(stopEffects)(withHost(deployed(), { glanceCommonVersion: null }))).toEqual([]);
  });

  it("remove takes away the charm's Ceph directory and alternative, secrets, TLS files and NRPE checks", () => {
    const snap: Snapshot = {
      ...withHost(deployed({ memory: { certPaths: ['/etc/apache2/ssl/glance/cert_x', '/usr/local/share/ca-certificates/vault_juju_ca_cert.crt'] } }), {
        files: {
          '/var/lib/charm/glance/ceph.conf': '[global]\n',
          '/etc/ceph/ceph.client.glance.keyring': 'key',
          '/etc/glance/rabbit-client-ca.pem': 'pem',
          '/etc/glance/db-client.ca': null,
          '/etc/apache2/ssl/glance/cert_x': 'cert',
          '/usr/local/share/ca-certificates/vault_juju_ca_cert.crt': 'ca',
        },
      }),
      nrpe: { confDir: true, exportFiles: [], files: { '/etc/nagios/nrpe.d/check_glance-api.cfg': 'x' }, plugins: {} },
    };
    const effects = removeEffects(snap);
    expect(kinds(effects)).toEqual([
      'update-alternatives --remove ceph.conf /var/lib/charm/glance/ceph.conf',
      'rm -rf /var/lib/charm/glance',
      // What each relation handed over, in registry order.
      'delete-file /etc/glance/rabbit-client-ca.pem',
      'delete-file /etc/ceph/ceph.client.glance.keyring',
      'delete-file /etc/apache2/ssl/glance/cert_x',
      'delete-file /usr/local/share/ca-certificates/vault_juju_ca_cert.crt',
      'update-ca-certificates --fresh',
      'delete-file /etc/nagios/nrpe.d/check_glance-api.cfg',
    ]);
    expect(effects[0]).toMatchObject({ hostPaths: [3] });
    expect(effects[1]).toMatchObject({ hostPaths: [2] });
  });

  it('remove on a host with nothing of ours does nothing', () => {
    expect(removeEffects(deployed())).toEqual([]);
  });
});
