/**
 * The hook tools' argv and output formats as the charm sees them (reference/juju-runtime.md
 * §2.2): one relation hook on the leader runs every read the charm makes, and each answer is
 * checked against what Juju prints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallRecord, Fixture, HOOKS_TIMEOUT, call, json, run } from './fixture.js';

describe('hook tool output', () => {
  const f = new Fixture();
  let calls: CallRecord[];
  let relationId: number;
  let address: string;

  beforeAll(async () => {
    const sim = f.sim;
    const leader = sim.createUnit();
    sim.createUnit();
    address = leader.privateAddress;
    sim.state.leader = leader.name;
    sim.state.config = { debug: true };
    sim.state.resources = { 'policyd-override': '/srv/resources/policyd-override.zip' };
    const db = sim.createRelation('shared-db', 'mysql');
    relationId = db.id;
    db.remoteUnits['mysql/0'] = { 'private-address': '10.9.0.5', password: 's3cret', allowed_units: 'glance/0' };
    db.remoteAppData = { endpoints: '10.9.0.5:3306' };
    await sim.runHook(leader.name, 'shared-db-relation-created', { relationId });
    await sim.runHook(leader.name, 'shared-db-relation-joined', { relationId, remoteUnit: 'mysql/0' });
    f.plan({
      'shared-db-relation-changed': [
        run('config-get', '--format=json'),
        run('config-get', '--all', '--format=json'),
        run('config-get', '--format=json', 'workers'),
        run('config-get', '--format=json', 'no-such-option'),
        run('config-get', 'region'),
        run('is-leader', '--format=json'),
        run('is-leader'),
        run('relation-ids', '--format=json'),
        run('relation-ids', '--format=json', 'identity-service'),
        run('relation-list', '--format=json'),
        run('relation-list', '--format=json', '-r', `shared-db:${relationId}`, '--app'),
        run('relation-get', '--format=json'),
        run('relation-get', '--format=json', '-r', String(relationId), '-', 'glance/0'),
        run('relation-get', '--format=json', 'password', 'mysql/0'),
        run('relation-get', '--format=json', 'missing', 'mysql/0'),
        run('relation-get', '--format=json', '--app'),
        run('relation-get', '-', 'mysql/0'),
        run('network-get', '--format=json', 'public'),
        run('network-get', '--format=json', 'public', '--bind-address'),
        run('network-get', '--format=json', 'internal', '--ingress-address', '--bind-address'),
        run('network-get', 'juju-info', '--primary-address'),
        run('unit-get', '--format=json', 'private-address'),
        run('goal-state', '--format=json'),
        run('opened-ports', '--format=json'),
        run('status-get', '--include-data', '--format=json'),
        run('status-get', '--format=json'),
        run('state-get', '--format=json'),
        run('state-get', '--format=json', 'absent'),
        run('leader-get', '--format=json'),
        run('resource-get', 'policyd-override'),
        run('juju-log', '--log-level', 'WARNING', '--', 'ready', 'now'),
      ],
    });
    await sim.runHook(leader.name, 'shared-db-relation-changed', { relationId, remoteUnit: 'mysql/0' });
    calls = f.lastCalls('shared-db-relation-changed');
  }, HOOKS_TIMEOUT);
  afterAll(() => f.dispose());

  it('config-get: set values and non-null defaults, --all adds unset options as null, a key gives its value or null', () => {
    expect(json(call(calls, 'config-get', '--format=json'))).toEqual({ debug: true, ratio: 0.5, region: 'RegionOne', workers: 2 });
    expect(json(call(calls, 'config-get', '--all', '--format=json'))).toEqual({
      debug: true,
      ratio: 0.5,
      region: 'RegionOne',
      workers: 2,
      vip: null,
      password: null,
    });
    expect(call(calls, 'config-get', '--format=json', 'workers').stdout).toBe('2\n');
    expect(call(calls, 'config-get', '--format=json', 'no-such-option').stdout).toBe('null\n');
    expect(call(calls, 'config-get', 'region').stdout).toBe('RegionOne\n');
  });

  it('is-leader prints JSON true, or True in the default smart format', () => {
    expect(call(calls, 'is-leader', '--format=json').stdout).toBe('true\n');
    expect(call(calls, 'is-leader').stdout).toBe('True\n');
  });

  it('relation-ids defaults to the hook endpoint and lists name:id; an endpoint with no relation is []', () => {
    expect(json(call(calls, 'relation-ids', '--format=json'))).toEqual([`shared-db:${relationId}`]);
    expect(json(call(calls, 'relation-ids', '--format=json', 'identity-service'))).toEqual([]);
  });

  it('relation-list lists remote units in scope; --app gives the remote application as a JSON string', () => {
    expect(json(call(calls, 'relation-list', '--format=json'))).toEqual(['mysql/0']);
    expect(call(calls, 'relation-list', '--format=json', '-r', `shared-db:${relationId}`, '--app').stdout).toBe('"mysql"\n');
  });

  it('relation-get reads the remote unit by default, any unit given, one key, or the remote app bag', () => {
    expect(json(call(calls, 'relation-get', '--format=json'))).toEqual({
      'private-address': '10.9.0.5',
      password: 's3cret',
      allowed_units: 'glance/0',
    });
    expect(json(call(calls, 'relation-get', '--format=json', '-r', String(relationId), '-', 'glance/0'))).toEqual({
      'egress-subnets': `${address}/32`,
      'ingress-address': address,
      'private-address': address,
    });
    expect(call(calls, 'relation-get', '--format=json', 'password', 'mysql/0').stdout).toBe('"s3cret"\n');
    expect(call(calls, 'relation-get', '--format=json', 'missing', 'mysql/0').stdout).toBe('null\n');
    expect(json(call(calls, 'relation-get', '--format=json', '--app'))).toEqual({ endpoints: '10.9.0.5:3306' });
  });

  it('relation-get without --format prints YAML with sorted keys', () => {
    expect(call(calls, 'relation-get', '-', 'mysql/0').stdout).toBe(
      'allowed_units: glance/0\npassword: s3cret\nprivate-address: 10.9.0.5\n',
    );
  });

  it('network-get prints the full binding, one value per flag, or a map for several flags', () => {
    expect(json(call(calls, 'network-get', '--format=json', 'public'))).toEqual({
      'bind-addresses': [
        { 'mac-address': expect.any(String), 'interface-name': 'eth0', addresses: [{ hostname: '', value: address, cidr: '10.5.0.0/24' }] },
      ],
      'egress-subnets': [`${address}/32`],
      'ingress-addresses': [address],
    });
    expect(call(calls, 'network-get', '--format=json', 'public', '--bind-address').stdout).toBe(`"${address}"\n`);
    expect(json(call(calls, 'network-get', '--format=json', 'internal', '--ingress-address', '--bind-address'))).toEqual({
      'bind-address': address,
      'ingress-address': address,
    });
    expect(call(calls, 'network-get', 'juju-info', '--primary-address').stdout).toBe(`${address}\n`);
    expect(call(calls, 'unit-get', '--format=json', 'private-address').stdout).toBe(`"${address}"\n`);
  });

  it('goal-state lists our units and each relation endpoint with its remote app and units', () => {
    const goal = json(call(calls, 'goal-state', '--format=json')) as { units: object; relations: Record<string, object> };
    expect(Object.keys(goal.units).sort()).toEqual(['glance/0', 'glance/1']);
    expect(Object.keys(goal.relations['shared-db'] ?? {}).sort()).toEqual(['mysql', 'mysql/0']);
  });

  it('status-get, opened-ports, state-get and leader-get print empty values as Juju does', () => {
    expect(json(call(calls, 'status-get', '--include-data', '--format=json'))).toEqual({
      status: 'unknown',
      message: '',
      'status-data': {},
    });
    expect(json(call(calls, 'status-get', '--format=json'))).toEqual({ status: 'unknown' });
    expect(json(call(calls, 'opened-ports', '--format=json'))).toEqual([]);
    expect(json(call(calls, 'state-get', '--format=json'))).toEqual({});
    expect(call(calls, 'state-get', '--format=json', 'absent').stdout).toBe('""\n');
    expect(json(call(calls, 'leader-get', '--format=json'))).toEqual({});
  });

  it('resource-get prints the file path; juju-log joins its words and prefixes the relation', () => {
    expect(call(calls, 'resource-get', 'policyd-override').stdout).toBe('/srv/resources/policyd-override.zip\n');
    expect(f.sim.logLines('glance/0', 'WARNING')).toEqual([`shared-db:${relationId}: ready now`]);
  });

  it('every tool call is logged with its argv, exit code and timing', () => {
    const result = f.sim.history.at(-1);
    expect(result?.toolCalls).toHaveLength(calls.length);
    const first = result?.toolCalls[0];
    expect(first).toMatchObject({ unit: 'glance/0', hook: 'shared-db-relation-changed', tool: 'config-get', argv: ['--format=json'], exitCode: 0 });
    expect(first && first.endMs >= first.startMs).toBe(true);
    expect(f.sim.toolCallCounts([result as NonNullable<typeof result>])['relation-get']).toBe(6);
  });

  it('timing splits the hook\'s wall time into time inside tools and the charm\'s own', () => {
    const t = f.sim.timing(f.sim.history.slice(-1));
    expect(t).toMatchObject({ hooks: 1, toolCalls: calls.length, commands: 0, commandMs: 0 });
    expect(t.toolMs).toBeGreaterThan(0);
    expect(t.toolMs + t.charmMs).toBeCloseTo(t.totalMs, 0);
  });
});
