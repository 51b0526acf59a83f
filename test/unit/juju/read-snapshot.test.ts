// The read phase against hook tools that answer as Juju does: which calls a hook makes, and that
// the remembered relation ids never hide a relation Juju would list.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../../src/juju/read-snapshot.js';
import { HookTools } from '../../../src/juju/tools.js';
import type { HookContext, HostSnapshot } from '../../../src/snapshot.js';
import { FakeJuju, type JujuModel, publishedOn } from './juju-model.js';

const HOST: HostSnapshot = {
  files: {},
  glanceCommonVersion: '2:28.0.0-0ubuntu1',
  openstackReleaseFile: null,
  osCodename: 'noble',
  arch: 'x64',
  cpus: 2,
  inContainer: false,
  addresses: [],
  services: {},
};

const DB = { db_host: '10.0.0.5', password: 'pw' };
const KEYSTONE = { service_host: '10.0.0.6', service_password: 'pw' };

/** The local-storage deployment after its first hooks: mysql, keystone, nova-cloud-controller. */
const DEPLOYED: JujuModel = {
  goal: {
    'shared-db': ['mysql', 'mysql/0'],
    'identity-service': ['keystone', 'keystone/0'],
    'image-service': ['nova-cloud-controller', 'nova-cloud-controller/0'],
  },
  relations: {
    'cluster:0': {},
    'shared-db:1': { 'mysql/0': DB },
    'identity-service:2': { 'keystone/0': KEYSTONE },
    'image-service:3': { 'nova-cloud-controller/0': {} },
  },
  state: publishedOn('cluster:0', 'shared-db:1', 'identity-service:2', 'image-service:3'),
};

const hook = (name: string, relation: Partial<HookContext> = {}): HookContext => ({
  kind: 'hook',
  name,
  unitName: 'glance/0',
  appName: 'glance',
  charmDir: '/nonexistent',
  ...relation,
});

let juju: FakeJuju | undefined;
let fsRoot: string;

beforeEach(() => {
  fsRoot = mkdtempSync(join(tmpdir(), 'read-root-'));
  process.env.CHARM_FS_ROOT = fsRoot;
});
afterEach(() => {
  juju?.dispose();
  rmSync(fsRoot, { recursive: true, force: true });
  delete process.env.CHARM_FS_ROOT;
});

async function read(model: JujuModel, context = hook('update-status')) {
  juju = new FakeJuju(model);
  const snap = await readSnapshot(context, { tools: new HookTools(), readHost: async () => HOST, managedPaths: [] });
  return { snap, calls: juju.calls() };
}

const relationIds = (snap: Awaited<ReturnType<typeof read>>['snap']) =>
  Object.fromEntries(Object.entries(snap.relations).map(([endpoint, rels]) => [endpoint, rels.map((r) => r.id)]));

describe('a settled deployment (update-status, no-op config-changed)', () => {
  it('reads everything in 15 calls: relation-ids only for the endpoint whose ids nothing confirms', async () => {
    const { snap, calls } = await read(DEPLOYED);
    expect(calls).toEqual(
      [
        'config-get',
        'state-get',
        'goal-state',
        'is-leader',
        'network-get public',
        'network-get internal',
        'network-get admin',
        'network-get cluster',
        'network-get shared-db',
        'relation-list -r cluster:0',
        'relation-list -r identity-service:2',
        'relation-get -r identity-service:2 - keystone/0',
        'relation-ids image-service',
        'relation-list -r shared-db:1',
        'relation-get -r shared-db:1 - mysql/0',
      ].sort(),
    );
    expect(relationIds(snap)).toEqual({
      cluster: ['cluster:0'],
      'identity-service': ['identity-service:2'],
      'image-service': ['image-service:3'],
      'shared-db': ['shared-db:1'],
    });
    expect(snap.relations['shared-db']?.[0]).toMatchObject({ app: 'mysql', units: { 'mysql/0': DB } });
  });

  it('makes as many calls with 100 image-service units (glance reads none of them)', async () => {
    const units = Array.from({ length: 100 }, (_, i) => `nova-compute/${i}`);
    const many: JujuModel = {
      ...DEPLOYED,
      goal: { ...DEPLOYED.goal, 'image-service': ['nova-cloud-controller', 'nova-compute', ...units] },
      relations: { ...DEPLOYED.relations, 'image-service:3': Object.fromEntries(units.map((u) => [u, {}])) },
    };
    expect((await read(many)).calls).toHaveLength(15);
  });
});

describe('the peer relation', () => {
  it('is read although goal-state never lists it, asking relation-ids until memory knows its id', async () => {
    const { snap, calls } = await read({ ...DEPLOYED, state: {} });
    expect(calls).toContain('relation-ids cluster');
    expect(relationIds(snap).cluster).toEqual(['cluster:0']);
  });

  it('reads every peer databag', async () => {
    const peers: JujuModel = { ...DEPLOYED, relations: { ...DEPLOYED.relations, 'cluster:0': { 'glance/1': { 'private-address': '10.0.0.51' } } } };
    const { snap, calls } = await read(peers);
    expect(calls).toContain('relation-get -r cluster:0 - glance/1');
    expect(snap.relations.cluster?.[0]?.units).toEqual({ 'glance/1': { 'private-address': '10.0.0.51' } });
  });
});

describe('remembered relation ids never hide a relation Juju lists', () => {
  it('asks relation-ids when goal-state shows another application on the endpoint', async () => {
    const second: JujuModel = {
      ...DEPLOYED,
      goal: { ...DEPLOYED.goal, 'identity-service': ['keystone', 'keystone/0', 'keystone-b', 'keystone-b/0'] },
      relations: { ...DEPLOYED.relations, 'identity-service:9': { 'keystone-b/0': KEYSTONE } },
    };
    const { snap, calls } = await read(second);
    expect(calls).toContain('relation-ids identity-service');
    expect(relationIds(snap)['identity-service']).toEqual(['identity-service:2', 'identity-service:9']);
  });

  it('asks relation-ids when the agent no longer knows a remembered relation', async () => {
    // shared-db:1 was removed and mysql related again as shared-db:7; goal-state counts one either way.
    const { 'shared-db:1': _gone, ...rest } = DEPLOYED.relations;
    const replaced: JujuModel = { ...DEPLOYED, relations: { ...rest, 'shared-db:7': { 'mysql/0': DB } } };
    const { snap, calls } = await read(replaced);
    expect(calls).toContain('relation-list -r shared-db:1');
    expect(calls).toContain('relation-ids shared-db');
    expect(relationIds(snap)['shared-db']).toEqual(['shared-db:7']);
  });

  it('fails the hook on any other relation-list failure, rather than reading around it', async () => {
    const unreachable = { ...DEPLOYED, failing: { tool: 'relation-list', error: 'connection is shut down' } };
    await expect(read(unreachable)).rejects.toThrow('relation-list failed (exit 1): ERROR connection is shut down');
  });

  it('asks relation-ids in a hook about a relation memory does not know', async () => {
    const joined: JujuModel = {
      ...DEPLOYED,
      goal: { ...DEPLOYED.goal, 'shared-db': ['mysql', 'mysql/0'] },
      relations: { ...DEPLOYED.relations, 'shared-db:1': { 'mysql/0': DB } },
      state: publishedOn('cluster:0', 'identity-service:2', 'image-service:3'),
    };
    const context = hook('shared-db-relation-joined', { relationName: 'shared-db', relationId: 'shared-db:1', remoteUnit: 'mysql/0', remoteApp: 'mysql' });
    const { snap, calls } = await read(joined, context);
    expect(calls).toContain('relation-ids shared-db');
    expect(relationIds(snap)['shared-db']).toEqual(['shared-db:1']);
  });

  it('leaves the broken relation out, remembered or listed', async () => {
    const context = hook('shared-db-relation-broken', { relationName: 'shared-db', relationId: 'shared-db:1', remoteApp: 'mysql' });
    const { snap } = await read({ ...DEPLOYED, goal: { ...DEPLOYED.goal, 'shared-db': [] } }, context);
    expect(snap.relations['shared-db']).toBeUndefined();
    expect(Object.keys(snap.networks)).not.toContain('shared-db');
  });

  it('reads a relation goal-state does not show (offered to another model) once glance has published on it', async () => {
    const { 'image-service': _offered, ...goal } = DEPLOYED.goal;
    const { snap } = await read({ ...DEPLOYED, goal });
    expect(relationIds(snap)['image-service']).toEqual(['image-service:3']);
  });
});
