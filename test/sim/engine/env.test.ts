/**
 * The process boundary: the charm runs from its directory with an environment built from
 * scratch as Juju builds it (reference/juju-runtime.md §1.3), the hook tools first on PATH, then
 * the fake commands (not in real mode), then the system's.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Sim } from '../../../sim/engine.js';
import { FIXTURE_CHARM, Fixture, run } from './fixture.js';

const JUJU_ALWAYS = [
  'CHARM_DIR',
  'JUJU_CHARM_DIR',
  'JUJU_CONTEXT_ID',
  'JUJU_HOOK_NAME',
  'JUJU_DISPATCH_PATH',
  'JUJU_AGENT_SOCKET_ADDRESS',
  'JUJU_AGENT_SOCKET_NETWORK',
  'JUJU_UNIT_NAME',
  'JUJU_MODEL_UUID',
  'JUJU_MODEL_NAME',
  'JUJU_API_ADDRESSES',
  'JUJU_MACHINE_ID',
  'JUJU_PRINCIPAL_UNIT',
  'JUJU_AVAILABILITY_ZONE',
  'JUJU_VERSION',
  'CLOUD_API_VERSION',
  'JUJU_CHARM_HTTP_PROXY',
  'JUJU_CHARM_HTTPS_PROXY',
  'JUJU_CHARM_FTP_PROXY',
  'JUJU_CHARM_NO_PROXY',
  'APT_LISTCHANGES_FRONTEND',
  'DEBIAN_FRONTEND',
  'LANG',
  'TERM',
  'CHARM_FS_ROOT',
  'PATH',
  'FIXTURE_OUT',
  'FIXTURE_NODE',
];
const RELATION_VARS = ['JUJU_RELATION', 'JUJU_RELATION_ID', 'JUJU_REMOTE_UNIT', 'JUJU_REMOTE_APP'];

describe('hook environment', () => {
  let f: Fixture;
  afterEach(() => f.dispose());

  it('holds exactly Juju\'s variables: no HOME, relation variables only in relation hooks', async () => {
    f = new Fixture();
    await f.sim.deploy();
    const { relationId } = await f.sim.integrate('shared-db', 'mysql');
    await f.sim.departRemoteUnit(relationId, 'mysql/0');
    const byEvent = new Map(f.events().map((e) => [e.event, e.env]));
    // dispatch is a sh script, and sh exports PWD to the node it runs.
    const keys = (event: string) => Object.keys(byEvent.get(event) ?? {}).filter((k) => k !== 'PWD').sort();
    expect(keys('install')).toEqual([...JUJU_ALWAYS].sort());
    expect(keys('shared-db-relation-created')).toEqual([...JUJU_ALWAYS, ...RELATION_VARS].sort());
    expect(keys('shared-db-relation-departed')).toEqual([...JUJU_ALWAYS, ...RELATION_VARS, 'JUJU_DEPARTING_UNIT'].sort());
    const changed = byEvent.get('shared-db-relation-changed');
    expect(changed).toMatchObject({
      JUJU_DISPATCH_PATH: 'hooks/shared-db-relation-changed',
      JUJU_HOOK_NAME: 'shared-db-relation-changed',
      JUJU_RELATION: 'shared-db',
      JUJU_RELATION_ID: `shared-db:${relationId}`,
      JUJU_REMOTE_UNIT: 'mysql/0',
      JUJU_REMOTE_APP: 'mysql',
      JUJU_UNIT_NAME: 'glance/0',
      JUJU_CHARM_DIR: FIXTURE_CHARM,
      CHARM_DIR: FIXTURE_CHARM,
      JUJU_VERSION: expect.stringMatching(/^3\.6\.\d+$/),
      LANG: 'C.UTF-8',
      DEBIAN_FRONTEND: 'noninteractive',
      CHARM_FS_ROOT: f.sim.unit('glance/0').fsRoot,
    });
    expect(changed?.HOME).toBeUndefined();
    const [tools, fakes, ...system] = (changed?.PATH ?? '').split(':');
    expect(tools).toBe(join(f.sim.unitDir('glance/0'), 'tools'));
    expect(fakes).toBe(join(f.sim.unitDir('glance/0'), 'fakes'));
    // The unit's system commands are there, the developer's node is not: the charm runs on its own.
    expect(system.length).toBeGreaterThan(0);
    const onPath = (name: string) => system.some((dir) => existsSync(join(dir, name)));
    expect(['sh', 'bash', 'cat', 'sed'].filter((name) => !onPath(name))).toEqual([]);
    expect(['node', 'npm', 'npx'].filter(onPath)).toEqual([]);
  });

  it('each unit has its own fs root, seeded as an Ubuntu host running systemd', async () => {
    f = new Fixture();
    await f.sim.deploy({ units: 2 });
    const roots = ['glance/0', 'glance/1'].map((u) => f.sim.unit(u).fsRoot);
    expect(new Set(roots).size).toBe(2);
    expect(f.sim.readFile('glance/1', '/etc/os-release')).toContain('VERSION_CODENAME=noble');
    expect(existsSync(join(roots[1] as string, 'run/systemd/system'))).toBe(true);
  });

  it('real mode puts no fake commands on PATH and roots the charm at /', async () => {
    f = new Fixture({ real: true });
    f.plan({ install: [run('is-leader', '--format=json')] });
    await f.sim.deploy();
    const env = f.events()[0]?.env ?? {};
    expect(env.CHARM_FS_ROOT).toBe('/');
    expect(env.PATH?.split(':')[0]).toBe(join(f.sim.unitDir('glance/0'), 'tools'));
    expect(env.PATH).not.toContain('fakes');
    expect(f.calls()[0]?.stdout).toBe('true\n');
  });

  it('a simulator given a dir saves the model there and the next one carries on from it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-persist-'));
    try {
      f = new Fixture({ dir });
      await f.sim.deploy();
      await f.sim.config({ region: 'East' });
      const again = new Sim({ charmDir: FIXTURE_CHARM, dir, env: { FIXTURE_OUT: f.out, FIXTURE_NODE: process.execPath } });
      expect(again.state.config).toEqual({ region: 'East' });
      f.plan({ 'update-status': [run('config-get', 'region')] });
      await again.updateStatus();
      expect(f.lastCalls('update-status')[0]?.stdout).toBe('East\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
