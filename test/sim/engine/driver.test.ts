/**
 * The sequence driver plays operator actions as the hook sequences Juju runs for them
 * (reference/juju-runtime.md §3) and settles what they cause, remote charms included. The fixture
 * charm runs in this process (fixture-in-process.ts): the sequences are what is tested here, the
 * process boundary is env.test.ts's, transport.test.ts's and the tools and fakes tests'.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { InconsistentSimError } from '../../../sim/consistency.js';
import { networkFor } from '../../../sim/defaults.js';
import type { RemoteUpdate } from '../../../sim/remote.js';
import type { SimOptions } from '../../../sim/engine.js';
import { Fixture, call, json, run } from './fixture.js';
import { FIXTURE_IN_PROCESS } from './fixture-in-process.js';

const inProcessFixture = (options: Partial<SimOptions> = {}) => new Fixture({ inProcess: FIXTURE_IN_PROCESS, ...options });

describe('sequence driver', () => {
  let f: Fixture;
  afterEach(() => f.dispose());

  it('deploy: install, peer relation created, leader-elected or leader-settings-changed, config-changed, start; then peers meet', async () => {
    f = inProcessFixture();
    await f.sim.deploy({ units: 2, config: { workers: 4 } });
    expect(f.eventLines()).toEqual([
      'glance/0 install',
      'glance/0 cluster-relation-created',
      'glance/0 leader-elected',
      'glance/0 config-changed',
      'glance/0 start',
      'glance/1 install',
      'glance/1 cluster-relation-created',
      'glance/1 leader-settings-changed',
      'glance/1 config-changed',
      'glance/1 start',
      'glance/0 cluster-relation-joined',
      'glance/0 cluster-relation-changed',
      'glance/1 cluster-relation-joined',
      'glance/1 cluster-relation-changed',
    ]);
    expect(f.sim.state.leader).toBe('glance/0');
    expect(f.sim.state.config).toEqual({ workers: 4 });
  });

  it('deploy can shape each unit (here its public binding) before its first hook', async () => {
    f = inProcessFixture();
    f.plan({ install: [run('network-get', 'public', '--bind-address')] });
    await f.sim.deploy({ units: 2, prepare: (unit, i) => (unit.networks.public = networkFor(`192.168.10.${10 + i}`, '192.168.10.0/24', 'ens4')) });
    expect(f.calls().map((c) => `${c.unit} ${c.stdout.trim()}`)).toEqual(['glance/0 192.168.10.10', 'glance/1 192.168.10.11']);
  });

  it('integrate: -created on each unit, then -joined and -changed per remote unit; JUJU_REMOTE_UNIT is empty on -created', async () => {
    f = inProcessFixture();
    await f.sim.deploy({ units: 2 });
    f.reset();
    const { relationId, id } = await f.sim.integrate('identity-service', 'keystone', {
      units: { 'keystone/0': { service_port: '5000' }, 'keystone/1': {} },
      appData: { region: 'RegionOne' },
    });
    expect(id).toBe(`identity-service:${relationId}`);
    expect(f.eventLines()).toEqual([
      'glance/0 identity-service-relation-created',
      'glance/1 identity-service-relation-created',
      'glance/0 identity-service-relation-joined',
      'glance/0 identity-service-relation-changed',
      'glance/0 identity-service-relation-joined',
      'glance/0 identity-service-relation-changed',
      'glance/1 identity-service-relation-joined',
      'glance/1 identity-service-relation-changed',
      'glance/1 identity-service-relation-joined',
      'glance/1 identity-service-relation-changed',
    ]);
    const remoteUnits = f.events().map((e) => e.env.JUJU_REMOTE_UNIT);
    expect(remoteUnits).toEqual(['', '', 'keystone/0', 'keystone/0', 'keystone/1', 'keystone/1', 'keystone/0', 'keystone/0', 'keystone/1', 'keystone/1']);
    expect(f.sim.relation(relationId).remoteUnits['keystone/0']).toMatchObject({ service_port: '5000', 'private-address': expect.any(String) });
  });

  it('a remote charm answers what our unit published; -changed hooks run until nothing changes', async () => {
    f = inProcessFixture();
    await f.sim.deploy();
    f.plan({
      'shared-db-relation-joined': [run('relation-set', 'database=glance')],
      'shared-db-relation-changed': [
        run('relation-get', '--format=json', 'password', 'mysql/0'),
        run('relation-get', '--format=json', 'ready', 'mysql/0'),
        run('relation-set', 'ack=yes'),
      ],
    });
    f.sim.remote('mysql', {
      onChange: ({ units }): RemoteUpdate | undefined => {
        const ours = units['glance/0'] ?? {};
        if (ours.ack) return { units: { 'mysql/0': { password: 'pw', ready: 'yes' } } };
        return ours.database ? { units: { 'mysql/0': { password: 'pw' } } } : undefined;
      },
    });
    f.reset();
    const { results } = await f.sim.integrate('shared-db', 'mysql');
    expect(results.map((r) => r.hook)).toEqual([
      'shared-db-relation-created',
      'shared-db-relation-joined',
      'shared-db-relation-changed',
      'shared-db-relation-changed',
    ]);
    const answers = (key: string) => f.calls().filter((c) => c.argv.includes(key)).map((c) => c.stdout.trim());
    expect(answers('password')).toEqual(['"pw"', '"pw"']);
    expect(answers('ready')).toEqual(['null', '"yes"']);
  });

  it('settle gives up when a remote never stops answering', async () => {
    f = inProcessFixture({ maxSettleHooks: 5 });
    await f.sim.deploy();
    f.plan({ 'shared-db-relation-changed': [run('relation-set', 'seen={{JUJU_CONTEXT_ID}}')] });
    let n = 0;
    f.sim.remote('mysql', { onChange: () => ({ units: { 'mysql/0': { counter: String(++n) } } }) });
    await expect(f.sim.integrate('shared-db', 'mysql')).rejects.toThrow(/did not settle after 5 hooks/);
  });

  it('a departed remote unit leaves relation-list but stays readable; removing the relation departs then breaks it', async () => {
    f = inProcessFixture();
    await f.sim.deploy();
    const { relationId } = await f.sim.integrate('shared-db', 'mysql', { units: { 'mysql/0': { a: '1' }, 'mysql/1': { b: '2' } } });
    f.reset();
    f.plan({
      'shared-db-relation-departed': [run('relation-list', '--format=json'), run('relation-get', '--format=json', 'a', 'mysql/0')],
      'shared-db-relation-broken': [run('relation-ids', '--format=json', 'shared-db'), run('relation-list', '--format=json')],
    });
    await f.sim.departRemoteUnit(relationId, 'mysql/0');
    const departed = f.events()[0];
    expect(departed?.env).toMatchObject({ JUJU_REMOTE_UNIT: 'mysql/0', JUJU_DEPARTING_UNIT: 'mysql/0' });
    const calls = f.calls();
    expect(json(call(calls, 'relation-list', '--format=json'))).toEqual(['mysql/1']);
    expect(call(calls, 'relation-get', '--format=json', 'a', 'mysql/0').stdout).toBe('"1"\n');
    f.reset();
    await f.sim.removeRelation(relationId);
    expect(f.eventLines()).toEqual(['glance/0 shared-db-relation-departed', 'glance/0 shared-db-relation-broken']);
    const broken = f.lastCalls('shared-db-relation-broken');
    expect(json(call(broken, 'relation-ids', '--format=json', 'shared-db'))).toEqual([]);
    expect(json(call(broken, 'relation-list', '--format=json'))).toEqual([]);
    expect(f.sim.relations('shared-db')).toEqual([]);
  });

  it('config runs config-changed on every unit and refuses options config.yaml does not have or the wrong type', async () => {
    f = inProcessFixture();
    await f.sim.deploy({ units: 2 });
    f.reset();
    f.plan({ 'config-changed': [run('config-get', '--format=json', 'workers')] });
    await f.sim.config({ workers: 8 });
    expect(f.calls().map((c) => `${c.unit} ${c.stdout.trim()}`)).toEqual(['glance/0 8', 'glance/1 8']);
    await expect(f.sim.config({ nope: 1 })).rejects.toThrow(InconsistentSimError);
    await expect(f.sim.config({ workers: 'many' })).rejects.toThrow(/"workers" is of type int/);
    await f.sim.config({ workers: null });
    expect(f.sim.state.config).toEqual({});
  });

  it('with type checks off, a wrong-typed value reaches the charm as is', async () => {
    f = inProcessFixture({ checkConfigTypes: false });
    await f.sim.deploy({ config: { workers: 'many' } });
    f.plan({ 'config-changed': [run('config-get', '--format=json', 'workers')] });
    f.reset();
    await f.sim.config({ ratio: 'half' });
    expect(f.calls()[0]?.stdout).toBe('"many"\n');
  });

  it('actions get their params with defaults; action-set results, action-fail and a non-zero exit fail the task', async () => {
    f = inProcessFixture();
    await f.sim.deploy();
    f.plan({
      backup: [run('action-get', '--format=json'), run('action-set', 'outcome=done', 'detail.size=10'), run('action-log', 'working')],
      pause: [run('action-fail', 'services are busy')],
    });
    const backup = await f.sim.runAction('glance/0', 'backup', { target: '/srv' });
    expect(json(call(f.lastCalls('backup'), 'action-get', '--format=json'))).toEqual({ target: '/srv', compress: true, level: 3 });
    expect(backup.action).toEqual({ status: 'completed', message: '', results: { outcome: 'done', detail: { size: '10' } }, logs: ['working'] });
    const event = f.events().find((e) => e.event === 'backup');
    expect(event?.env).toMatchObject({ JUJU_ACTION_NAME: 'backup', JUJU_HOOK_NAME: '', JUJU_DISPATCH_PATH: 'actions/backup' });
    const pause = await f.sim.runAction('glance/0', 'pause');
    expect(pause.action).toMatchObject({ status: 'failed', message: 'services are busy' });
    expect(f.sim.status('glance/0').hookError).toBeNull();
    f.plan({ pause: [{ exit: 3 }] });
    expect((await f.sim.runAction('glance/0', 'pause')).action).toMatchObject({ status: 'failed', message: 'exit status 3' });
    await expect(f.sim.runAction('glance/0', 'explode')).rejects.toThrow(/action "explode" not defined/);
    await expect(f.sim.runAction('glance/0', 'backup')).rejects.toThrow(/requires parameter "target"/);
    await expect(f.sim.runAction('glance/0', 'backup', { target: '/x', level: 'high' })).rejects.toThrow(/must be of type integer/);
  });

  it('adding a unit sets it up, joins it to peers and remotes; removing the leader elects another', async () => {
    f = inProcessFixture();
    await f.sim.deploy();
    await f.sim.integrate('shared-db', 'mysql');
    f.reset();
    await f.sim.addUnit();
    expect(f.eventLines()).toEqual([
      'glance/1 install',
      'glance/1 cluster-relation-created',
      'glance/1 shared-db-relation-created',
      'glance/1 leader-settings-changed',
      'glance/1 config-changed',
      'glance/1 start',
      'glance/1 cluster-relation-joined',
      'glance/1 cluster-relation-changed',
      'glance/0 cluster-relation-joined',
      'glance/0 cluster-relation-changed',
      'glance/1 shared-db-relation-joined',
      'glance/1 shared-db-relation-changed',
    ]);
    f.reset();
    await f.sim.removeUnit('glance/0');
    expect(f.eventLines()).toEqual([
      'glance/0 cluster-relation-departed',
      'glance/1 cluster-relation-departed',
      'glance/0 shared-db-relation-departed',
      'glance/0 shared-db-relation-broken',
      'glance/0 stop',
      'glance/0 remove',
      'glance/1 leader-elected',
    ]);
    expect(f.events()[0]?.env.JUJU_DEPARTING_UNIT).toBe('glance/0');
    expect(Object.keys(f.sim.state.units)).toEqual(['glance/1']);
    expect(f.sim.state.leader).toBe('glance/1');
  });

  it('a container-scoped relation pairs each unit with its own subordinate on the same machine', async () => {
    f = inProcessFixture();
    await f.sim.deploy({ units: 2 });
    f.plan({ 'ha-relation-changed': [run('relation-list', '--format=json')] });
    f.reset();
    const { relationId } = await f.sim.integrate('ha', 'hacluster');
    expect(f.calls().map((c) => `${c.unit} ${c.stdout.trim()}`)).toEqual(['glance/0 ["hacluster/0"]', 'glance/1 ["hacluster/1"]']);
    const rel = f.sim.relation(relationId);
    expect(rel.remoteUnits['hacluster/1']?.['private-address']).toBe(f.sim.unit('glance/1').privateAddress);
  });

  it('refuses what Juju could never do', async () => {
    f = inProcessFixture();
    await f.sim.deploy();
    await expect(f.sim.integrate('no-such', 'x')).rejects.toThrow(/unknown endpoint "no-such"/);
    await expect(f.sim.integrate('cluster', 'glance')).rejects.toThrow(/peer relation/);
    await expect(f.sim.integrate('shared-db', 'mysql', { units: { 'other/0': {} } })).rejects.toThrow(/not a unit of "mysql"/);
    await expect(f.sim.runHook('glance/0', 'shared-db-relation-changed', { relationId: 99 })).rejects.toThrow(/no relation 99/);
    await expect(f.sim.runHook('glance/0', 'no-such-hook')).rejects.toThrow(/not a hook Juju fires/);
    await expect(f.sim.deploy()).rejects.toThrow(/already deployed/);
  });
});
