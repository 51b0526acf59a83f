import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeToolStats } from '../../../src/juju/tool-stats.js';
import { HookToolError, HookTools } from '../../../src/juju/tools.js';
import { FakeBin } from '../../fixtures/fake-bin.js';

let bin: FakeBin;
let tools: HookTools;

beforeEach(() => {
  bin = new FakeBin();
  tools = new HookTools();
});
afterEach(() => bin.dispose());

describe('reads', () => {
  it('asks config-get for JSON and asks only once per hook', async () => {
    bin.add('config-get', { stdout: '{"debug":true,"worker-multiplier":0.25,"openstack-origin":"distro"}\n' });
    const first = await tools.configGet();
    const second = await tools.configGet();
    expect(first).toEqual({ debug: true, 'worker-multiplier': 0.25, 'openstack-origin': 'distro' });
    expect(second).toBe(first);
    expect(bin.argvs()).toEqual([['config-get', '--format=json']]);
  });

  it('shares one process between concurrent identical reads', async () => {
    bin.add('is-leader', { stdout: 'true' });
    const answers = await Promise.all([tools.isLeader(), tools.isLeader(), tools.isLeader()]);
    expect(answers).toEqual([true, true, true]);
    expect(bin.argvs()).toHaveLength(1);
  });

  it('reads a whole unit or application databag in one relation-get', async () => {
    bin.script(
      'relation-get',
      `case "$*" in
         *--app*) printf '%s' '{"api-version":"3"}' ;;
         *mysql-router/0*) printf '%s' '{"db_host":"10.0.0.5","password":"s3cret"}' ;;
         *) printf null ;;
       esac`,
    );
    expect(await tools.relationGet('shared-db:7', 'mysql-router/0')).toEqual({ db_host: '10.0.0.5', password: 's3cret' });
    expect(await tools.relationGet('identity-service:3', 'keystone', { app: true })).toEqual({ 'api-version': '3' });
    expect(await tools.relationGet('shared-db:7', 'glance/0')).toEqual({});
    expect(bin.argvs()).toEqual([
      ['relation-get', '--format=json', '-r', 'shared-db:7', '-', 'mysql-router/0'],
      ['relation-get', '--format=json', '-r', 'identity-service:3', '--app', '-', 'keystone'],
      ['relation-get', '--format=json', '-r', 'shared-db:7', '-', 'glance/0'],
    ]);
  });

  it('lists relations, their units and remote application; null reads as empty', async () => {
    bin.add('relation-ids', { stdout: '["shared-db:7"]' });
    bin.script('relation-list', `case "$*" in *--app*) printf '"mysql-router"' ;; *) printf null ;; esac`);
    expect(await tools.relationIds('shared-db')).toEqual(['shared-db:7']);
    expect(await tools.relationList('shared-db:7')).toEqual([]);
    expect(await tools.relationListApp('shared-db:7')).toBe('mysql-router');
    expect(bin.argvs()).toEqual([
      ['relation-ids', '--format=json', 'shared-db'],
      ['relation-list', '--format=json', '-r', 'shared-db:7'],
      ['relation-list', '--format=json', '-r', 'shared-db:7', '--app'],
    ]);
  });

  it('turns network-get JSON into bind and ingress addresses, old and new spellings', async () => {
    bin.add('network-get', {
      stdout: JSON.stringify({
        'bind-addresses': [
          {
            'mac-address': '00:16:3e:12:34:56',
            'interface-name': 'ens3',
            addresses: [
              { hostname: '', value: '10.20.0.11', cidr: '10.20.0.0/24' },
              { address: '10.30.0.11', cidr: '10.30.0.0/24' },
            ],
          },
        ],
        'egress-subnets': ['10.20.0.11/32'],
        'ingress-addresses': ['10.20.0.11'],
      }),
    });
    expect(await tools.networkGet('public')).toEqual({
      bindAddresses: [
        { interfaceName: 'ens3', address: '10.20.0.11', cidr: '10.20.0.0/24' },
        { interfaceName: 'ens3', address: '10.30.0.11', cidr: '10.30.0.0/24' },
      ],
      ingressAddresses: ['10.20.0.11'],
    });
    expect(bin.argvs()).toEqual([['network-get', '--format=json', 'public']]);
  });

  it('answers null for a binding without network config, and fails on other errors', async () => {
    bin.script(
      'network-get',
      `case "$*" in
         *admin*) echo 'ERROR no network config found for binding "admin"' >&2; exit 1 ;;
         *) echo 'ERROR permission denied' >&2; exit 1 ;;
       esac`,
    );
    expect(await tools.networkGet('admin')).toBeNull();
    await expect(tools.networkGet('internal')).rejects.toThrow('network-get failed (exit 1): ERROR permission denied');
  });

  it('parses goal state, unit address, unit state and action params', async () => {
    bin
      .add('goal-state', {
        stdout: '{"units":{"glance/0":{"status":"active","since":"2024-01-01T00:00:00Z"}},"relations":{"shared-db":{"mysql-router":{"status":"joined"}}}}',
      })
      .add('unit-get', { stdout: '"10.0.0.9"' })
      .add('state-get', { stdout: 'null' })
      .add('action-get', { stdout: '{"enable":true}' });
    expect((await tools.goalState()).relations['shared-db']?.['mysql-router']?.status).toBe('joined');
    expect(await tools.unitGet('private-address')).toBe('10.0.0.9');
    expect(await tools.stateGet()).toEqual({});
    expect(await tools.actionGet()).toEqual({ enable: true });
    expect(bin.argvs()).toEqual([
      ['goal-state', '--format=json'],
      ['unit-get', '--format=json', 'private-address'],
      ['state-get', '--format=json'],
      ['action-get', '--format=json'],
    ]);
  });

  it('gives a resource path, or null when the resource is not available', async () => {
    bin.script(
      'resource-get',
      `case "$1" in
         policyd-override) echo /var/lib/juju/agents/unit-glance-0/resources/policyd-override/policyd-override.zip ;;
         *) echo 'ERROR could not download resource: resource not found' >&2; exit 1 ;;
       esac`,
    );
    expect(await tools.resourceGet('policyd-override')).toBe(
      '/var/lib/juju/agents/unit-glance-0/resources/policyd-override/policyd-override.zip',
    );
    expect(await tools.resourceGet('other')).toBeNull();
  });

  it('reports output that is not the expected JSON without quoting it', async () => {
    bin.add('relation-get', { stdout: '{"password": 12' });
    await expect(tools.relationGet('shared-db:7', 'mysql/0')).rejects.toThrow('relation-get printed output that is not JSON');
  });
});

describe('buffered writes', () => {
  beforeEach(() => {
    bin.add('relation-set').add('state-set').add('state-delete');
  });

  it('sends one relation-set per databag, with the merged data as JSON on stdin', async () => {
    tools.relationSet('shared-db:7', { database: 'glance', username: 'glance' });
    tools.relationSet('shared-db:7', { hostname: '10.0.0.9' });
    tools.relationSet('7', { username: '' });
    tools.relationSet('cluster:2', { 'api-ready': 'yes' }, { app: true });
    tools.relationSet('cluster:2', { 'private-address': '10.0.0.9' });
    expect(bin.calls()).toEqual([]);
    await tools.flush();
    const calls = bin.calls();
    expect(calls.map((c) => c.argv)).toEqual([
      ['relation-set', '-r', 'shared-db:7', '--file', '-'],
      ['relation-set', '-r', 'cluster:2', '--app', '--file', '-'],
      ['relation-set', '-r', 'cluster:2', '--file', '-'],
    ]);
    expect(calls.map((c) => JSON.parse(c.stdin))).toEqual([
      { database: 'glance', username: '', hostname: '10.0.0.9' },
      { 'api-ready': 'yes' },
      { 'private-address': '10.0.0.9' },
    ]);
  });

  it('sends unit state as one merged state-set', async () => {
    tools.stateSet({ glance: '{"paused":true}', old: 'x' });
    tools.stateSet({ glance: '{"paused":false}' });
    await tools.flush();
    const calls = bin.calls();
    expect(calls.map((c) => c.argv)).toEqual([['state-set', '--file', '-']]);
    expect(JSON.parse(calls[0]?.stdin ?? '')).toEqual({ glance: '{"paused":false}', old: 'x' });
  });

  it('runs nothing when nothing was written, and sends each write once', async () => {
    await tools.flush();
    tools.relationSet('shared-db:7', { database: 'glance' });
    await tools.flush();
    await tools.flush();
    expect(bin.argvs()).toEqual([['relation-set', '-r', 'shared-db:7', '--file', '-']]);
  });

  it('reads again after a flush, so the hook sees its own writes', async () => {
    bin.add('state-get', { stdout: '{}' });
    await tools.stateGet();
    tools.stateSet({ glance: '{}' });
    await tools.flush();
    await tools.stateGet();
    expect(bin.argvs().filter((a) => a[0] === 'state-get')).toHaveLength(2);
  });
});

describe('immediate calls', () => {
  it('builds the argv of status, log, version, port and action tools', async () => {
    for (const t of ['status-set', 'juju-log', 'application-version-set', 'open-port']) bin.add(t);
    for (const t of ['action-set', 'action-fail']) bin.add(t);
    await tools.statusSet('blocked', '-vip is not an address');
    await tools.jujuLog('WARNING', 'multi\nline');
    await tools.applicationVersionSet('28.0.0');
    await tools.openPort(9292);
    await tools.actionSet({ outcome: 'success', 'checks.tls': 'PASS' });
    await tools.actionSet({});
    await tools.actionFail('Couldn\'t pause: glance-api still running');
    expect(bin.argvs()).toEqual([
      ['status-set', 'blocked', '--', '-vip is not an address'],
      ['juju-log', '--log-level', 'WARNING', '--', 'multi\nline'],
      ['application-version-set', '--', '28.0.0'],
      ['open-port', '9292/tcp'],
      ['action-set', 'outcome=success', 'checks.tls=PASS'],
      ['action-fail', '--', "Couldn't pause: glance-api still running"],
    ]);
  });
});

describe('errors', () => {
  it('names the tool, exit code and last stderr line, and never the data on stdin', async () => {
    bin.add('relation-set', { stderr: 'some context\nERROR cannot write relation settings', exit: 1 });
    tools.relationSet('identity-service:3', { service_password: 'hunter2' }, { app: true });
    const error = await tools.flush().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HookToolError);
    const e = error as HookToolError;
    expect(e.message).toBe('relation-set failed (exit 1): ERROR cannot write relation settings');
    expect(e.tool).toBe('relation-set');
    expect(e.argv).toEqual(['relation-set', '-r', 'identity-service:3', '--app', '--file', '-']);
    expect(e.exitCode).toBe(1);
    expect(e.stderr).toContain('ERROR cannot write relation settings');
    expect(JSON.stringify({ ...e, message: e.message, stack: e.stack })).not.toContain('hunter2');
    expect(bin.calls()[0]?.stdin).toContain('hunter2');
  });

  it('says when a tool is not on PATH, and tries again on the next call', async () => {
    await expect(tools.isLeader()).rejects.toThrow('is-leader failed (not found on PATH)');
    bin.add('is-leader', { stdout: 'false' });
    expect(await tools.isLeader()).toBe(false);
  });

  it('reports a bad -r as Juju does (exit 2)', async () => {
    bin.add('relation-list', { stderr: 'ERROR invalid value "shared-db:99" for option -r: relation not found', exit: 2 });
    await expect(tools.relationList('shared-db:99')).rejects.toThrow(
      'relation-list failed (exit 2): ERROR invalid value "shared-db:99" for option -r: relation not found',
    );
  });
});

describe('cost figures', () => {
  it('counts tool processes and appends one JSON line per hook to $CHARM_TOOL_STATS', async () => {
    bin.add('config-get', { stdout: '{}' }).add('is-leader', { stdout: 'true' });
    await tools.configGet();
    await tools.configGet();
    await tools.isLeader();
    expect(tools.totals.calls).toBe(2);
    const file = join(mkdtempSync(join(tmpdir(), 'stats-')), 'stats.jsonl');
    writeToolStats('config-changed', tools, { CHARM_TOOL_STATS: file });
    writeToolStats('update-status', new HookTools(), { CHARM_TOOL_STATS: file });
    writeToolStats('ignored', tools, {});
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ hook: 'config-changed', calls: 2 });
    expect(Object.keys(lines[0]).sort()).toEqual(['calls', 'commandMs', 'commands', 'cpuMs', 'hook', 'maxRssKb', 'ownMs', 'startupMs', 'toolMs', 'wallMs']);
    expect(lines[0].toolMs).toBeGreaterThan(0);
    expect(lines[1]).toMatchObject({ hook: 'update-status', calls: 0, toolMs: 0 });
  });
});
