/**
 * The pure core on the first hooks after `juju refresh --switch` from the Python charm: no unit
 * memory, the Python charm's leader settings, files, stats password and databags on the unit.
 */
import { describe, expect, it } from 'vitest';
import { brokerRequest } from '../../../src/ceph/broker-request.js';
import { parseConfig } from '../../../src/config/index.js';
import { reconcile } from '../../fixtures/hook-plan.js';
import { diffBag, withoutJujuKeys } from '../../../src/base/databag.js';
import type { Snapshot } from '../../../src/snapshot.js';
import { foldPlan, ofKind } from '../../fixtures/fold-plan.js';
import { deployed, relation } from '../../fixtures/snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';

const run = (s: Snapshot) => reconcile(s, { templates });
const API = '/etc/glance/glance-api.conf';
const HAPROXY = '/etc/haproxy/haproxy.cfg';

/** A unit of this charm after its hooks have settled, then what a switch leaves: no unit memory. */
function switched(over: (settled: Snapshot) => Partial<Snapshot> = () => ({})): Snapshot {
  let s = deployed({ relations: { ...deployed().relations, cluster: [relation('cluster', 1, 'glance')] } });
  for (let i = 0; i < 2; i++) s = foldPlan(s, run(s));
  return { ...s, memory: {}, leaderData: {}, ...over(s) };
}

describe('db-initialised from the Python charm\'s leader settings', () => {
  it('the leader syncs nothing and records it once in the peer application bag', () => {
    const s = switched(() => ({ leaderData: { 'db-initialised': 'True' } }));
    const plan = run(s);
    expect(ofKind(plan, 'command')).toEqual([]);
    expect(ofKind(plan, 'progress')).toEqual([]);
    expect(ofKind(plan, 'relation-set').filter((r) => r.app)).toEqual([{ kind: 'relation-set', relationId: 'cluster:1', app: true, data: { 'db-initialised': 'True' } }]);
    const next = foldPlan(s, plan);
    expect(next.memory.dbInitialised).toBe(true);
    expect(ofKind(run({ ...next, leaderData: {} }), 'relation-set')).toEqual([]);
  });

  it('without it, the leader of a fresh deployment syncs as before', () => {
    expect(ofKind(run(switched()), 'command').map((c) => c.argv.join(' '))).toEqual(['glance-manage db_sync']);
  });
});

describe('files another charm wrote', () => {
  it('keeps the stats password haproxy.cfg carries, over unit memory and fresh entropy', () => {
    const s = switched((settled) => ({
      memory: { statsPassword: 'OLD' },
      host: { ...settled.host, files: { ...settled.host.files, [HAPROXY]: 'listen stats\n    stats auth admin:FromPython\n' } },
    }));
    const haproxy = ofKind(run(s), 'write-file').find((w) => w.path === HAPROXY);
    expect(haproxy?.content).toContain('stats auth admin:FromPython\n');
  });

  it('rewrites a secret left 0644 with its owner and mode, restarting nothing for it', () => {
    const s = switched((settled) => ({ host: { ...settled.host, modes: { [API]: 0o644 } } }));
    const plan = run(s);
    expect(ofKind(plan, 'write-file').filter((w) => w.path === API)).toEqual([
      { kind: 'write-file', path: API, content: s.host.files[API], owner: { user: 'root', group: 'glance', mode: 0o640 } },
    ]);
    expect(ofKind(plan, 'service')).toEqual([]);
    expect(ofKind(run(foldPlan(s, plan)), 'write-file')).toEqual([]);
  });
});

describe('databags another charm published', () => {
  it('deletes keys this charm does not publish, never Juju\'s own, and sends no value that is already there', () => {
    const s = switched((settled) => {
      const [db] = settled.relations['shared-db'] ?? [];
      const own = { database: 'glance', username: 'glance', hostname: '10.0.0.50', 'private-address': '10.0.0.50', 'ingress-address': '10.0.0.50', legacy: 'x' };
      return { relations: { ...settled.relations, 'shared-db': db ? [{ ...db, published: own }] : [] } };
    });
    // apply() sends the difference between what Juju holds and what the plan publishes.
    const [db] = ofKind(run(s), 'publish').filter((r) => r.relationId === 'shared-db:3');
    const own = s.relations['shared-db']?.[0]?.published ?? {};
    expect(diffBag(withoutJujuKeys(own), db?.data ?? {})).toEqual({ legacy: '' });
  });

  it('keeps a Ceph broker request with the same request-id verbatim, and sends a new one when the request changes', () => {
    const { config } = parseConfig({});
    const ours = brokerRequest(config, 'glance');
    const parsed = JSON.parse(ours.text) as { ops: Array<Record<string, unknown>> };
    // The same request with its keys in the Python charm's order: same ops, same id, another text.
    const theirs = JSON.stringify({ 'api-version': 1, ops: parsed.ops.map((op) => Object.fromEntries(Object.entries(op).reverse())), 'request-id': ours.requestId });
    const ceph = relation('ceph', 6, 'ceph-mon', { 'ceph-mon/0': { auth: 'cephx', key: 'AQCEPHKEY==', 'ceph-public-address': '10.0.0.31' } });
    const withCeph = (cfg: Record<string, unknown>) =>
      switched((settled) => ({
        config: cfg,
        host: { ...settled.host, packages: { 'ceph-common': '19.2.0' } },
        relations: { ...settled.relations, ceph: [{ ...ceph, published: { 'application-name': 'glance', broker_req: theirs, 'unit-name': 'glance/0' } }] },
      }));
    const kept = ofKind(run(withCeph({})), 'publish').find((r) => r.relationId === 'ceph:6');
    expect(kept === undefined || kept.data.broker_req === theirs).toBe(true);
    const changed = ofKind(run(withCeph({ 'ceph-pool-weight': 10 })), 'publish').find((r) => r.relationId === 'ceph:6');
    expect(JSON.parse(changed?.data.broker_req ?? '{}')['request-id']).not.toBe(ours.requestId);
  });
});
