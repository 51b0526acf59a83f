/**
 * Hook tool failures as Juju reports them (reference/juju-runtime.md §2.1): `ERROR <message>` on
 * stderr, exit 2 for usage errors (an unknown -r included), exit 1 for failures while running.
 * Charms and frameworks key off these texts, so they are checked word for word.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_STATE_VALUE_BYTES } from '../../../sim/tools/unit-state.js';
import { type CallRecord, Fixture, HOOKS_TIMEOUT, call, json, run, runWithInput } from './fixture.js';

/** Values at and just past Juju's unit-state quota (64 KiB a value, 256 bytes a key). */
const FITS = JSON.stringify({ fits: 'x'.repeat(MAX_STATE_VALUE_BYTES) });
const TOO_BIG = JSON.stringify({ big: 'x'.repeat(MAX_STATE_VALUE_BYTES + 1) });
const LONG_KEY = `${'k'.repeat(257)}=v`;

const failed = (record: CallRecord) => ({ code: record.code, stderr: record.stderr });

describe('hook tool errors', () => {
  const f = new Fixture();
  let db: number;
  let cluster: number;
  let leaderCalls: CallRecord[];
  let followerCalls: CallRecord[];

  beforeAll(async () => {
    const sim = f.sim;
    const leader = sim.createUnit().name;
    const follower = sim.createUnit().name;
    sim.state.leader = leader;
    cluster = sim.createRelation('cluster', 'glance').id;
    db = sim.createRelation('shared-db', 'mysql').id;
    sim.relation(db).remoteUnits['mysql/0'] = { 'private-address': '10.9.0.5' };
    for (const unit of [leader, follower]) {
      await sim.runHook(unit, 'cluster-relation-created', { relationId: cluster });
      await sim.runHook(unit, 'shared-db-relation-created', { relationId: db });
    }
    f.plan({
      [`${leader} shared-db-relation-changed`]: [
        run('relation-get', '-r', '99', '-', 'mysql/0'),
        run('relation-get', '-r', 'shared-db:x', '-', 'mysql/0'),
        run('relation-get', '--format=json', '-', 'nosuch/0'),
        run('relation-get', '--format=json', '-', 'mysql'),
        run('status-set', 'bogus', 'message'),
        run('status-set', 'active', 'one', 'two'),
        run('unit-get', 'foo'),
        run('network-get', '--format=json', 'nosuch'),
        run('network-get', '--format=json'),
        run('action-get', '--format=json'),
        run('config-get', '--bogus'),
        run('config-get', '--all', 'workers'),
        run('open-port', '99999/tcp'),
        run('relation-set', 'novalue'),
        run('relation-set', 'a=1', 'a=2'),
        run('juju-log'),
      ],
      [`${follower} install`]: [
        run('relation-get', '--format=json'),
        run('relation-ids', '--format=json'),
        run('relation-set', '-r', `shared-db:${db}`, '--app', 'a=b'),
        run('relation-get', '--format=json', '-r', `shared-db:${db}`, '--app', '-', 'glance'),
        run('relation-get', '--format=json', '-r', `cluster:${cluster}`, '--app', '-', 'glance'),
        run('leader-set', 'a=b'),
        run('status-set', '--application', 'active', 'hi'),
        run('status-get', '--application', '--format=json'),
        runWithInput(FITS, 'state-set', '--file', '-'),
        runWithInput(TOO_BIG, 'state-set', '--file', '-'),
        run('state-set', LONG_KEY),
      ],
    });
    await sim.runHook(leader, 'shared-db-relation-changed', { relationId: db, remoteUnit: 'mysql/0' });
    leaderCalls = f.lastCalls('shared-db-relation-changed');
    await sim.runHook(follower, 'install');
    followerCalls = f.lastCalls('install');
  }, HOOKS_TIMEOUT);
  afterAll(() => f.dispose());

  it('an unknown or malformed -r is a usage error (exit 2) naming the flag', () => {
    expect(failed(call(leaderCalls, 'relation-get', '-r', '99', '-', 'mysql/0'))).toEqual({
      code: 2,
      stderr: 'ERROR invalid value "99" for flag -r: relation not found\n',
    });
    expect(failed(call(leaderCalls, 'relation-get', '-r', 'shared-db:x', '-', 'mysql/0'))).toEqual({
      code: 2,
      stderr: 'ERROR invalid value "shared-db:x" for flag -r: invalid relation id\n',
    });
  });

  it('relation-get of a unit that never joined fails at run time (exit 1); an app name without --app is a usage error', () => {
    expect(failed(call(leaderCalls, 'relation-get', '--format=json', '-', 'nosuch/0'))).toEqual({
      code: 1,
      stderr: `ERROR cannot read settings for unit "nosuch/0" in relation "glance:shared-db mysql:shared-db": unit "nosuch/0": settings not found\n`,
    });
    expect(failed(call(leaderCalls, 'relation-get', '--format=json', '-', 'mysql'))).toEqual({
      code: 2,
      stderr: 'ERROR expected unit name, got application name "mysql"\n',
    });
  });

  it('status-set accepts only the four settable statuses and one message', () => {
    expect(failed(call(leaderCalls, 'status-set', 'bogus', 'message'))).toEqual({
      code: 2,
      stderr: 'ERROR invalid status "bogus", expected one of [maintenance blocked waiting active]\n',
    });
    expect(failed(call(leaderCalls, 'status-set', 'active', 'one', 'two'))).toEqual({
      code: 2,
      stderr: 'ERROR unrecognized args: ["two"]\n',
    });
  });

  it('unknown settings, bindings and flags are refused as Juju refuses them', () => {
    expect(failed(call(leaderCalls, 'unit-get', 'foo'))).toEqual({ code: 2, stderr: 'ERROR unknown setting "foo"\n' });
    expect(failed(call(leaderCalls, 'network-get', '--format=json', 'nosuch'))).toEqual({
      code: 1,
      stderr: 'ERROR no network config found for binding "nosuch"\n',
    });
    expect(failed(call(leaderCalls, 'network-get', '--format=json'))).toEqual({ code: 2, stderr: 'ERROR no arguments specified\n' });
    expect(failed(call(leaderCalls, 'action-get', '--format=json'))).toEqual({ code: 1, stderr: 'ERROR not running an action\n' });
    expect(failed(call(leaderCalls, 'config-get', '--bogus'))).toEqual({
      code: 2,
      stderr: 'ERROR flag provided but not defined: --bogus\n',
    });
    expect(failed(call(leaderCalls, 'config-get', '--all', 'workers'))).toEqual({
      code: 2,
      stderr: 'ERROR cannot use argument --all together with key "workers"\n',
    });
    expect(call(leaderCalls, 'open-port', '99999/tcp').code).toBe(2);
    expect(failed(call(leaderCalls, 'juju-log'))).toEqual({ code: 2, stderr: 'ERROR no message specified\n' });
  });

  it('relation-set needs key=value pairs, each key once', () => {
    expect(failed(call(leaderCalls, 'relation-set', 'novalue'))).toEqual({
      code: 2,
      stderr: 'ERROR expected "key=value", got "novalue"\n',
    });
    expect(failed(call(leaderCalls, 'relation-set', 'a=1', 'a=2'))).toEqual({
      code: 2,
      stderr: 'ERROR key "a" specified more than once\n',
    });
  });

  it('outside a relation hook, -r and the endpoint are mandatory', () => {
    expect(failed(call(followerCalls, 'relation-get', '--format=json'))).toEqual({ code: 2, stderr: 'ERROR no relation id specified\n' });
    expect(failed(call(followerCalls, 'relation-ids', '--format=json'))).toEqual({ code: 2, stderr: 'ERROR no endpoint name specified\n' });
  });

  it('leader-only operations fail on a non-leader with Juju\'s messages', () => {
    expect(failed(call(followerCalls, 'relation-set', '-r', `shared-db:${db}`, '--app', 'a=b'))).toEqual({
      code: 1,
      stderr: 'ERROR cannot write relation settings\n',
    });
    expect(failed(call(followerCalls, 'leader-set', 'a=b'))).toEqual({
      code: 1,
      stderr: 'ERROR cannot write leadership settings: cannot write settings: not the leader\n',
    });
    expect(failed(call(followerCalls, 'status-set', '--application', 'active', 'hi'))).toEqual({
      code: 1,
      stderr: 'ERROR this unit is not the leader\n',
    });
    expect(failed(call(followerCalls, 'status-get', '--application', '--format=json'))).toEqual({
      code: 1,
      stderr: 'ERROR finding application status: this unit is not the leader\n',
    });
  });

  it('a non-leader cannot read its own application bag on a regular relation, but can on the peer relation', () => {
    expect(failed(call(followerCalls, 'relation-get', '--format=json', '-r', `shared-db:${db}`, '--app', '-', 'glance'))).toEqual({
      code: 1,
      stderr: 'ERROR permission denied\n',
    });
    expect(json(call(followerCalls, 'relation-get', '--format=json', '-r', `cluster:${cluster}`, '--app', '-', 'glance'))).toEqual({});
  });

  it('failed tool calls are logged with their exit codes', () => {
    const logged = f.sim.history.find((r) => r.unit === 'glance/1' && r.hook === 'install')?.toolCalls ?? [];
    expect(logged.map((c) => c.exitCode)).toEqual(followerCalls.map((c) => c.code));
  });

  it('state-set refuses a value over 64 KiB or a key over 256 bytes, as Juju 3 words it, and keeps nothing of it', () => {
    const calls = followerCalls.filter((c) => c.argv[0] === 'state-set');
    expect(calls.map(failed)).toEqual([
      { code: 0, stderr: '' },
      { code: 1, stderr: 'ERROR max allowed value length (65536) exceeded\n' },
      { code: 1, stderr: 'ERROR max allowed key length (256) exceeded\n' },
    ]);
    expect(Object.keys(f.sim.unit('glance/1').state)).toEqual(['fits']);
  });
});
