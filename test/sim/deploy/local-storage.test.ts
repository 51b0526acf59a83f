/**
 * The operator's first configuration, hook by hook, as Juju runs it: `juju deploy glance`, then
 * `juju integrate` with mysql, keystone and nova-cloud-controller; on a 24.04 unit and on a 22.04
 * one. The charm runs in this process: what is tested is what each step does to the unit and
 * the relations. The packed charm as a process is held to it elsewhere: engine/in-process.test.ts
 * plays this same deployment on 24.04 both ways and finds the same hooks, tool calls, commands,
 * statuses, files, owners and relation data; the robustness tests' prepared deployment runs every
 * relation on 24.04 as processes (secrets.test.ts checks each hook exited 0 and the unit ended
 * ready), and jammy-unit.test.ts does the same on 22.04, whose archive nodejs is 12.22.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { UNIT_BASES } from '../../../sim/defaults.js';
import { changedFiles, fileStamps, keystoneReply, mysqlReply, newSim, serviceActions, toolCalls, unitOwners } from '../helpers.js';
import { IN_PROCESS } from '../in-process.js';

describe.each(Object.keys(UNIT_BASES) as (keyof typeof UNIT_BASES)[])('local storage deployment on an %s unit', (base) => {
  const sim = newSim({ ...UNIT_BASES[base], inProcess: IN_PROCESS });
  afterAll(() => sim.dispose());
  const unit = () => sim.unit('glance/0');

  it('deploy: installs the release packages, stops glance-api, blocked on the two required relations', async () => {
    const results = await sim.deploy({ units: 1 });
    expect(results.map((r) => [r.hook, r.exitCode])).toEqual(results.map((r) => [r.hook, 0]));
    // On 22.04 the cloud archive's keyring comes first (openstack-origin caracal).
    const installs = sim.commands('apt-get').filter((c) => c.argv.includes('install') && !c.argv.includes('ubuntu-cloud-keyring'));
    expect(installs).toHaveLength(1);
    expect(installs[0]?.argv).toEqual(expect.arrayContaining(['glance', 'haproxy', 'memcached', 'python3-rbd', 'qemu-utils']));
    expect(serviceActions(results)).toContain('stop glance-api');
    expect(serviceActions(results)).not.toContain('restart glance-api');
    expect(sim.status('glance/0')).toMatchObject({ status: 'blocked', message: 'Missing relations: database, identity', workloadVersion: '28.0.0' });
    expect(sim.status('glance/0').history.map((h) => h.message)).toEqual(
      expect.arrayContaining(['Executing pre-install', 'Installing apt packages']),
    );
    expect(sim.status('glance/0').openedPorts).toEqual(['9292/tcp']);
  });

  it('mysql: asks for its database, syncs it once on the leader after allowed_units', async () => {
    const db = await sim.integrate('shared-db', 'mysql', { units: { 'mysql/0': { 'private-address': '10.5.0.9' } } });
    expect(sim.published(db.id, 'glance/0')).toMatchObject({ database: 'glance', username: 'glance', hostname: unit().privateAddress });
    expect(sim.status('glance/0').message).toBe('Missing relations: identity; incomplete relations: database');
    expect(sim.commands('glance-manage')).toHaveLength(0);
    await sim.setRemoteData(db.id, { units: { 'mysql/0': { ...mysqlReply(), allowed_units: '' } } });
    expect(sim.commands('glance-manage')).toHaveLength(0);
    await sim.setRemoteData(db.id, { units: { 'mysql/0': mysqlReply() } });
    expect(sim.commands('glance-manage').map((c) => c.argv.join(' '))).toEqual(['glance-manage db_sync']);
    expect(sim.status('glance/0')).toMatchObject({ status: 'blocked', message: 'Missing relations: identity' });
    expect(sim.readFile('glance/0', '/etc/glance/glance-api.conf')).toContain('connection = mysql+pymysql://glance:DBPASS@10.5.0.9/glance');
  });

  it('keystone: registers the endpoints, configures auth, starts glance-api, Unit is ready', async () => {
    const ks = await sim.integrate('identity-service', 'keystone', { units: { 'keystone/0': keystoneReply() } });
    const url = `http://${unit().privateAddress}:9292`;
    expect(sim.published(ks.id, 'glance/0')).toMatchObject({ service: 'glance', region: 'RegionOne', public_url: url, internal_url: url, admin_url: url });
    expect(serviceActions(ks.results)).toContain('restart glance-api');
    expect(sim.readFile('glance/0', '/etc/glance/glance-api.conf')).toContain('www_authenticate_uri = http://10.0.0.10:5000/v3');
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready' });
    expect(sim.commands('glance-manage')).toHaveLength(1);
  });

  it('gives every file and directory it writes the owner it asks for: secrets root:glance, the rest root', () => {
    const owners = unitOwners(unit().fsRoot);
    expect(owners).toMatchObject({
      '/etc/glance': 'root:glance',
      '/etc/glance/glance-api.conf': 'root:glance',
      '/etc/glance/glance-swift.conf': 'root:glance',
      '/etc/glance/api-paste.ini': 'root:root',
      '/etc/haproxy/haproxy.cfg': 'root:root',
      '/etc/memcached.conf': 'root:root',
    });
    expect(new Set(Object.values(owners))).toEqual(new Set(['root:glance', 'root:root']));
  });

  it('nova-cloud-controller: learns the internal API URL and that it is ready', async () => {
    const ncc = await sim.integrate('image-service', 'nova-cloud-controller', { units: { 'nova-cloud-controller/0': {} } });
    expect(sim.published(ncc.id, 'glance/0')).toMatchObject({
      'glance-api-server': `http://${unit().privateAddress}:9292`,
      'glance-api-ready': 'yes',
    });
  });

  it('a repeated hook writes no file, restarts nothing and sends no relation data', async () => {
    for (const hook of ['config-changed', 'update-status', 'shared-db-relation-changed']) {
      const before = fileStamps(unit().fsRoot);
      const opts = hook.startsWith('shared-db') ? { relationId: sim.relations('shared-db')[0]?.id, remoteUnit: 'mysql/0' } : {};
      const r = await sim.runHook('glance/0', hook, opts);
      expect(r.exitCode).toBe(0);
      expect(changedFiles(before, fileStamps(unit().fsRoot)).filter((p) => !p.includes('/.sim'))).toEqual([]);
      expect(serviceActions([r])).toEqual([]);
      expect(toolCalls([r], 'relation-set')).toEqual([]);
      expect(toolCalls([r], 'status-set')).toEqual([]);
    }
  });

  it('a bad config value blocks naming the option, rewrites nothing, and recovers when fixed', async () => {
    const before = sim.readFile('glance/0', '/etc/glance/glance-api.conf');
    const bad = await sim.config({ 'image-size-cap': '12XB' });
    expect(bad.every((r) => r.exitCode === 0)).toBe(true);
    expect(sim.status('glance/0')).toMatchObject({ status: 'blocked', message: expect.stringContaining('image-size-cap: "12XB"') });
    expect(sim.readFile('glance/0', '/etc/glance/glance-api.conf')).toBe(before);
    expect(serviceActions(bad)).toEqual([]);
    const fixed = await sim.config({ 'image-size-cap': '2TB' });
    expect(sim.readFile('glance/0', '/etc/glance/glance-api.conf')).toContain('image_size_cap = 2199023255552');
    expect(serviceActions(fixed)).toEqual(['restart glance-api']);
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready' });
  });
});
