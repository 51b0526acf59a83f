/**
 * The shipped recording loaded into the simulator (no hook runs): the model Juju hands the new
 * charm and the unit's files, with their modes, owners and links, as the recording's README
 * lists them.
 */
import { lstatSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { newSim } from '../helpers.js';
import { cephFull } from './recordings.js';

const sim = newSim();
const recording = cephFull();
sim.loadRecording(recording);
afterAll(() => sim.dispose());
const root = sim.unit('glance/0').fsRoot;

it('reads every entry of root.tar.gz: files, directories and links', () => {
  const paths = recording.files.map((e) => `${e.type} ${e.path}`);
  expect(paths).toContain('file etc/glance/glance-api.conf');
  expect(paths).toContain('dir etc/glance/policy.d');
  expect(paths).toContain('symlink etc/ceph/ceph.conf');
  expect(recording.files).toHaveLength(22);
});

it('puts the files under the unit fs root with their modes, owners and link targets', () => {
  expect(sim.readFile('glance/0', '/etc/glance/glance-api.conf')).toContain('connection = mysql+pymysql://glance:DBPASS@127.0.0.1/glance');
  expect(statSync(join(root, 'etc/glance/glance-api.conf')).mode & 0o777).toBe(0o644);
  expect(statSync(join(root, 'usr/local/lib/nagios/plugins/check_haproxy.sh')).mode & 0o777).toBe(0o775);
  const keyring = statSync(join(root, 'etc/ceph/ceph.client.glance.keyring'));
  expect(keyring.mode & 0o777).toBe(0o600);
  // glance (64062 on the recording host) is the simulator's own user, as the fake getent answers.
  if (process.getuid?.() === 0) expect([keyring.uid, keyring.gid]).toEqual([0, 0]);
  expect(readlinkSync(join(root, 'etc/ceph/ceph.conf'))).toBe('/etc/alternatives/ceph.conf');
  expect(lstatSync(join(root, 'etc/alternatives/ceph.conf')).isSymbolicLink()).toBe(true);
});

it('builds the model: leader, leader settings, config, relations with both sides\' bags, status, ports, machine', () => {
  const { state } = sim;
  expect(state.leader).toBe('glance/0');
  expect(state.leaderData).toEqual({ 'db-initialised': 'True' });
  expect(state.config['openstack-origin']).toBe('caracal');
  expect('vip' in state.config).toBe(false);
  const cluster = sim.relations('cluster')[0];
  expect(cluster?.peer).toBe(true);
  expect(Object.keys(cluster?.localUnits ?? {})).toEqual(['glance/0', 'glance/1']);
  expect(cluster?.members['glance/0']).toEqual(['glance/1']);
  const ceph = sim.relations('ceph')[0];
  expect(Object.keys(ceph?.remoteUnits ?? {})).toEqual(['ceph-mon/0', 'ceph-mon/1']);
  expect(sim.published(ceph?.id ?? -1, 'glance/0')['unit-name']).toBe('glance/0');
  const unit = sim.unit('glance/0');
  expect(unit.status).toEqual({ status: 'active', message: 'Unit is ready' });
  expect(unit.openedPorts).toEqual(['9292/tcp']);
  expect(unit.state).toEqual({});
  expect(unit.host.packages['glance-common']).toBe('2:28.0.0-0ubuntu1');
  expect(unit.host.services.haproxy).toEqual({ running: true, enabled: true, masked: false });
  expect(unit.host.interfaces.map((l) => l.ifname)).toEqual(['lo', 'ens3']);
  expect(sim.readFile('glance/0', '/etc/os-release')).toContain('VERSION_CODENAME=noble');
});
