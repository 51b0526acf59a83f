/**
 * Juju's two-phase hook semantics (reference/juju-runtime.md §1.2): relation data, ports and
 * unit state land only when the hook exits 0; status, workload version, logs, leader data and
 * what the host commands did stay whatever the exit code.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture, type Plan, call, json, run, runWithInput } from './fixture.js';

/** A leader and a follower in a cluster peer relation and a shared-db relation with mysql/0. */
async function arranged(f: Fixture): Promise<{ db: number; cluster: number }> {
  const sim = f.sim;
  for (let i = 0; i < 2; i++) sim.createUnit();
  sim.state.leader = 'glance/0';
  const cluster = sim.createRelation('cluster', 'glance').id;
  const db = sim.createRelation('shared-db', 'mysql').id;
  sim.relation(db).remoteUnits['mysql/0'] = { 'private-address': '10.9.0.5' };
  for (const unit of ['glance/0', 'glance/1']) {
    await sim.runHook(unit, 'cluster-relation-created', { relationId: cluster });
    await sim.runHook(unit, 'shared-db-relation-created', { relationId: db });
  }
  await sim.runHook('glance/1', 'cluster-relation-joined', { relationId: cluster, remoteUnit: 'glance/0' });
  sim.relation(db).localUnits['glance/0'] = { ...sim.relation(db).localUnits['glance/0'], kept: 'yes', dropped: 'soon' };
  return { db, cluster };
}

const writes = (db: number, cluster: number, exit: number): Plan => ({
  'glance/0 config-changed': [
    runWithInput(JSON.stringify({ database: 'glance', dropped: '', hostname: 'from-file' }), 'relation-set', '-r', `shared-db:${db}`, '--file', '-', 'hostname=10.5.0.10'),
    run('relation-set', '-r', String(cluster), '--app', 'token=abc'),
    run('relation-set', '-r', String(cluster), 'peer-key=v1'),
    run('open-port', '9292'),
    run('state-set', 'db-initialised=true'),
    run('status-set', 'maintenance', 'configuring'),
    run('application-version-set', '28.0.0'),
    run('juju-log', 'configured'),
    run('leader-set', 'shared-secret=xyz'),
    run('apt-get', 'install', '-y', 'haproxy'),
    run('relation-get', '--format=json', '-r', String(db), '-', 'glance/0'),
    run('opened-ports', '--format=json'),
    run('state-get', '--format=json'),
    { exit },
  ],
});

describe('commit on success, discard on failure', () => {
  let f: Fixture;
  afterEach(() => f.dispose());

  it('exit 0 commits relation data (merged, "" deletes), app bag, ports and unit state', async () => {
    f = new Fixture();
    const { db, cluster } = await arranged(f);
    f.plan(writes(db, cluster, 0));
    const result = await f.sim.runHook('glance/0', 'config-changed');
    expect(result.exitCode).toBe(0);
    expect(f.sim.published(db, 'glance/0')).toEqual({
      'egress-subnets': '10.5.0.10/32',
      'ingress-address': '10.5.0.10',
      'private-address': '10.5.0.10',
      kept: 'yes',
      database: 'glance',
      hostname: '10.5.0.10',
    });
    expect(f.sim.published(cluster)).toEqual({ token: 'abc' });
    expect(f.sim.status('glance/0')).toMatchObject({ status: 'maintenance', message: 'configuring', openedPorts: ['9292/tcp'] });
    expect(f.sim.unit('glance/0').state).toEqual({ 'db-initialised': 'true' });
  });

  it('inside the hook the unit reads its own pending writes, but opened-ports shows only committed ports', async () => {
    f = new Fixture();
    const { db, cluster } = await arranged(f);
    f.plan(writes(db, cluster, 0));
    await f.sim.runHook('glance/0', 'config-changed');
    const calls = f.lastCalls('config-changed');
    expect(json(call(calls, 'relation-get', '--format=json', '-r', String(db), '-', 'glance/0'))).toMatchObject({
      database: 'glance',
      hostname: '10.5.0.10',
    });
    expect(json(call(calls, 'opened-ports', '--format=json'))).toEqual([]);
    expect(json(call(calls, 'state-get', '--format=json'))).toEqual({ 'db-initialised': 'true' });
  });

  it('a failing hook keeps only immediate effects: status, version, log, leader data and the host', async () => {
    f = new Fixture();
    const { db, cluster } = await arranged(f);
    const before = f.sim.published(db, 'glance/0');
    f.plan(writes(db, cluster, 1));
    const result = await f.sim.runHook('glance/0', 'config-changed');
    expect(result.exitCode).toBe(1);
    expect(f.sim.published(db, 'glance/0')).toEqual(before);
    expect(f.sim.published(cluster)).toEqual({});
    expect(f.sim.unit('glance/0').state).toEqual({});
    expect(f.sim.status('glance/0')).toMatchObject({
      status: 'maintenance',
      message: 'configuring',
      workloadVersion: '28.0.0',
      openedPorts: [],
      hookError: 'config-changed',
    });
    expect(f.sim.logLines('glance/0')).toEqual(['configured']);
    expect(f.sim.state.leaderData).toEqual({ 'shared-secret': 'xyz' });
    expect(f.sim.unit('glance/0').host.packages).toHaveProperty('haproxy');
    // Nothing was committed on the peer relation, so the peer hears nothing.
    expect(await f.sim.settle()).toEqual([
      expect.objectContaining({ unit: 'glance/1', hook: 'leader-settings-changed' }),
    ]);
  });

  it('committed peer and leader data wake the other units; a unit never hears its own writes', async () => {
    f = new Fixture();
    const { db, cluster } = await arranged(f);
    f.plan(writes(db, cluster, 0));
    await f.sim.runHook('glance/0', 'config-changed');
    f.reset();
    const follow = await f.sim.settle();
    expect(follow.map((r) => `${r.unit} ${r.hook} ${r.remoteUnit ?? ''}`)).toEqual([
      'glance/1 cluster-relation-changed glance/0',
      'glance/1 cluster-relation-changed ',
      'glance/1 leader-settings-changed ',
    ]);
  });

  it('relation-set --file reads YAML (block scalars, quotes, null deletes) and key=value overrides it', async () => {
    f = new Fixture();
    const { db } = await arranged(f);
    const file = join(f.out, 'settings.yaml');
    writeFileSync(file, "ssl_ca: |\n  -----BEGIN-----\n  abc\nquoted: 'it''s'\nkept: ~\nport: 3306\nover: file\n");
    f.plan({ 'glance/0 update-status': [run('relation-set', '-r', String(db), '--file', file, 'over=arg')] });
    await f.sim.runHook('glance/0', 'update-status');
    const bag = f.sim.published(db, 'glance/0');
    expect(bag).toMatchObject({ ssl_ca: '-----BEGIN-----\nabc\n', quoted: "it's", port: '3306', over: 'arg', dropped: 'soon' });
    expect(bag).not.toHaveProperty('kept');
  });
});
