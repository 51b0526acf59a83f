import { describe, expect, it } from 'vitest';
import { endpointsToRead } from '../../../src/juju/relation-ids.js';
import type { GoalState } from '../../../src/juju/tool-output.js';
import type { HookContext } from '../../../src/snapshot.js';

const hook = (name: string, relation: Partial<HookContext> = {}): HookContext => ({
  kind: 'hook',
  name,
  unitName: 'glance/0',
  appName: 'glance',
  charmDir: '/charm',
  ...relation,
});

const goal = (relations: Record<string, string[]>): GoalState => ({
  units: {},
  relations: Object.fromEntries(Object.entries(relations).map(([e, keys]) => [e, Object.fromEntries(keys.map((k) => [k, { status: 'joined' }]))])),
});

describe('endpointsToRead', () => {
  it('always reads the peer endpoint, from its id in a peer hook', () => {
    expect(endpointsToRead(goal({}), hook('update-status'), [])).toEqual([{ endpoint: 'cluster' }]);
    const peerHook = hook('cluster-relation-changed', { relationName: 'cluster', relationId: 'cluster:4', remoteUnit: 'glance/1' });
    expect(endpointsToRead(goal({}), peerHook, [])).toEqual([{ endpoint: 'cluster', remembered: ['cluster:4'] }]);
  });

  it('counts a cross-model application (its goal-state key holds a slash) as one application, not a unit', () => {
    const reads = endpointsToRead(goal({ 'shared-db': ['admin/db.mysql'] }), hook('config-changed'), ['shared-db:3']);
    expect(reads).toContainEqual({ endpoint: 'shared-db', remembered: ['shared-db:3'] });
  });

  it('does not count units as applications', () => {
    const reads = endpointsToRead(goal({ 'shared-db': ['mysql', 'mysql/0', 'mysql/1'] }), hook('config-changed'), ['shared-db:3']);
    expect(reads).toContainEqual({ endpoint: 'shared-db', remembered: ['shared-db:3'] });
  });

  it('asks for endpoints that only need ids, and for endpoints memory knows nothing of', () => {
    const reads = endpointsToRead(goal({ 'image-service': ['nova-cloud-controller'], amqp: ['rabbitmq-server'] }), hook('update-status'), ['image-service:5']);
    expect(reads).toEqual([{ endpoint: 'amqp' }, { endpoint: 'cluster' }, { endpoint: 'image-service' }]);
  });

  it('ignores remembered keys that are not relation ids', () => {
    expect(endpointsToRead(goal({}), hook('update-status'), ['7'])).toEqual([{ endpoint: 'cluster' }]);
  });
});
