import { afterEach, describe, expect, it } from 'vitest';
import { apply, type EffectTools, HookFailed } from '../../../src/effects/apply.js';
import type { HostOps } from '../../../src/effects/host-ops.js';
import { HookTools } from '../../../src/juju/tools.js';
import type { Effect, Plan } from '../../../src/plan.js';
import { FakeBin } from '../../fixtures/fake-bin.js';

const OWNER = { user: 'root', group: 'glance', mode: 0o640 };

/** Host and tools that only write down what they were asked, in one shared log. */
function recorder(failOn?: string) {
  const log: string[] = [];
  const note =
    (name: string) =>
    async (...args: unknown[]): Promise<void> => {
      log.push(`${name} ${JSON.stringify(args)}`);
      if (name === failOn) throw new Error(`${name} failed (exit 1): boom`);
    };
  const host: HostOps = {
    aptUpdate: note('aptUpdate'),
    aptInstall: note('aptInstall'),
    aptPurge: note('aptPurge'),
    writeFileAtomic: note('writeFileAtomic'),
    deleteFile: note('deleteFile'),
    mkdirOwned: note('mkdirOwned'),
    runCommand: note('runCommand'),
    serviceControl: note('serviceControl'),
  };
  const sync =
    (name: string) =>
    (...args: unknown[]): void => {
      log.push(`${name} ${JSON.stringify(args)}`);
    };
  const tools: EffectTools = {
    relationGet: async (...args: unknown[]) => {
      log.push(`relationGet ${JSON.stringify(args)}`);
      return { 'private-address': '10.0.0.9', 'ingress-address': '10.0.0.9', database: 'glance', stale: 'x' };
    },
    jujuLog: note('jujuLog'),
    relationSet: sync('relationSet'),
    stateSet: sync('stateSet'),
    openPort: note('openPort'),
    statusSet: note('statusSet'),
    applicationVersionSet: note('applicationVersionSet'),
    actionSet: note('actionSet'),
    actionFail: note('actionFail'),
    flush: note('flush'),
  };
  return { log, host, tools };
}

const EVERY_KIND: Effect[] = [
  { kind: 'progress', message: 'Installing packages' },
  { kind: 'log', level: 'WARNING', message: 'policy overrides refused: no policy files' },
  { kind: 'apt-update' },
  { kind: 'apt-install', packages: ['glance'] },
  { kind: 'apt-purge', packages: ['glance-registry'] },
  { kind: 'mkdir', path: '/var/lib/charm/glance', owner: OWNER },
  { kind: 'write-file', path: '/etc/glance/glance-api.conf', content: 'x', owner: OWNER },
  { kind: 'delete-file', path: '/etc/glance/policy.json' },
  { kind: 'command', argv: ['glance-manage', 'db_sync'], retries: 5 },
  { kind: 'command', argv: ['add-apt-repository', '--yes', 'ppa:team/glance'], env: { https_proxy: 'http://squid:3128' }, retries: 2 },
  { kind: 'service', action: 'restart', service: 'glance-api' },
  { kind: 'relation-set', relationId: 'shared-db:7', app: false, data: { database: 'glance' } },
  { kind: 'publish', relationId: 'shared-db:7', unit: 'glance/0', data: { database: 'glance', username: 'glance' } },
  { kind: 'open-port', port: 9292 },
  { kind: 'memory', memory: { dbInitialised: true } },
  { kind: 'app-version', version: '28.0.0' },
  { kind: 'action-set', data: { outcome: 'done' } },
  { kind: 'action-fail', message: 'nope' },
  { kind: 'status', status: 'active', message: 'Unit is ready' },
];

describe('apply', () => {
  it('carries out every effect kind in plan order, then flushes the buffered writes', async () => {
    const { log, host, tools } = recorder();
    await apply({ effects: EVERY_KIND }, { tools, host });
    expect(log).toEqual([
      'statusSet ["maintenance","Installing packages"]',
      'jujuLog ["WARNING","policy overrides refused: no policy files"]',
      'aptUpdate []',
      'aptInstall [["glance"]]',
      'aptPurge [["glance-registry"]]',
      'mkdirOwned ["/var/lib/charm/glance",{"user":"root","group":"glance","mode":416}]',
      'writeFileAtomic ["/etc/glance/glance-api.conf","x",{"user":"root","group":"glance","mode":416}]',
      'deleteFile ["/etc/glance/policy.json"]',
      'runCommand [["glance-manage","db_sync"],{"retries":5,"backoffMs":3000}]',
      'runCommand [["add-apt-repository","--yes","ppa:team/glance"],{"env":{"https_proxy":"http://squid:3128"},"retries":2,"backoffMs":3000}]',
      'serviceControl ["restart","glance-api"]',
      'relationSet ["shared-db:7",{"database":"glance"},{"app":false}]',
      // Only what differs from the bag Juju holds; Juju's own keys stay as Juju wrote them.
      'relationGet ["shared-db:7","glance/0"]',
      'relationSet ["shared-db:7",{"username":"glance","stale":""}]',
      'openPort [9292]',
      'stateSet [{"glance":"{\\"dbInitialised\\":true}"}]',
      'applicationVersionSet ["28.0.0"]',
      'actionSet [{"outcome":"done"}]',
      'actionFail ["nope"]',
      'statusSet ["active","Unit is ready"]',
      'flush []',
    ]);
  });

  it('does everything else before failing the hook with the fail line', async () => {
    const { log, host, tools } = recorder();
    const plan: Plan = {
      effects: [
        { kind: 'status', status: 'blocked', message: "Resource: 'vip' and 'dns-ha' are mutually exclusive" },
        { kind: 'fail', message: "ha: 'vip' and 'dns-ha' are mutually exclusive" },
        { kind: 'open-port', port: 9292 },
      ],
    };
    const error = await apply(plan, { tools, host }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HookFailed);
    expect((error as Error).message).toBe("ha: 'vip' and 'dns-ha' are mutually exclusive");
    expect(log.map((l) => l.split(' ')[0])).toEqual(['statusSet', 'openPort', 'flush']);
  });

  it('stops at the first effect that fails and sends no buffered writes', async () => {
    const { log, host, tools } = recorder('aptInstall');
    const plan: Plan = {
      effects: [
        { kind: 'apt-install', packages: ['glance'] },
        { kind: 'write-file', path: '/etc/glance/glance-api.conf', content: 'x', owner: OWNER },
      ],
    };
    await expect(apply(plan, { tools, host })).rejects.toThrow('aptInstall failed (exit 1): boom');
    expect(log).toEqual(['aptInstall [["glance"]]']);
  });
});

describe('apply with the real hook tools', () => {
  let bin: FakeBin | undefined;
  afterEach(() => bin?.dispose());

  it('sends the relation data of a plan as one relation-set per databag, after the status', async () => {
    bin = new FakeBin().add('relation-set').add('state-set').add('status-set');
    const plan: Plan = {
      effects: [
        { kind: 'relation-set', relationId: 'identity-service:3', app: false, data: { service: 'glance' } },
        { kind: 'relation-set', relationId: 'identity-service:3', app: false, data: { public_url: 'http://10.0.0.9:9292' } },
        { kind: 'memory', memory: { paused: false } },
        { kind: 'status', status: 'active', message: 'Unit is ready' },
      ],
    };
    await apply(plan, { tools: new HookTools(), host: recorder().host });
    const calls = bin.calls();
    expect(calls.map((c) => c.argv)).toEqual([
      ['status-set', 'active', '--', 'Unit is ready'],
      ['relation-set', '-r', 'identity-service:3', '--file', '-'],
      ['state-set', '--file', '-'],
    ]);
    expect(JSON.parse(calls[1]?.stdin ?? '')).toEqual({ service: 'glance', public_url: 'http://10.0.0.9:9292' });
    expect(JSON.parse(calls[2]?.stdin ?? '')).toEqual({ glance: '{"paused":false}' });
  });
});
