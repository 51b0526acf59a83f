/**
 * Snapshots with storage relations for the reconcile tests, on the golden scenarios' facts
 * (test/fixtures/snapshot.ts): ceph-mon units at 10.0.0.31/32 with cephx, swift-proxy, cinder,
 * a subordinate storage backend.
 */
import { brokerRequest } from '../../../src/ceph/broker-request.js';
import { responseKey } from '../../../src/ceph/broker-response.js';
import { parseConfig } from '../../../src/config/index.js';
import type { Plan } from '../../../src/plan.js';
import { reconcile } from '../../fixtures/hook-plan.js';
import { loadTemplates } from '../../../src/render/templates.js';
import type { Databag, RelationSnapshot, Snapshot } from '../../../src/snapshot.js';
import { foldPlan, ofKind } from '../../fixtures/fold-plan.js';
import { parseIni } from '../../fixtures/parse-config.js';
import { deployed, relation } from '../../fixtures/snapshot.js';

export const CEPH_KEY = 'AQBsTnRkAAAAABAAnNwC7uWb3lMNUb8DMsLqUw==';
export const API_CONF = '/etc/glance/glance-api.conf';
export const CEPH_CONF = '/var/lib/charm/glance/ceph.conf';
export const KEYRING = '/etc/ceph/ceph.client.glance.keyring';

const templates = loadTemplates(new URL('../../../templates', import.meta.url).pathname);
export const run = (s: Snapshot): Plan => reconcile(s, { templates });

/** Run the hook and fold its effects back in, as the next hook would see the unit. */
export const settle = (s: Snapshot): Snapshot => foldPlan(s, run(s));

export const monUnit = (address: string, extra: Databag = {}): Databag => ({
  'private-address': address,
  'ceph-public-address': address,
  auth: 'cephx',
  key: CEPH_KEY,
  ...extra,
});

/** ceph-mon's answer to the request the given config makes. */
export function brokerAnswer(options: Record<string, unknown> = {}, exitCode = 0, unit = 'glance/0'): Databag {
  const id = brokerRequest(parseConfig(options).config, 'glance').requestId;
  return { [responseKey(unit)]: JSON.stringify({ 'exit-code': exitCode, 'request-id': id, ...(exitCode ? { stderr: 'pool create failed' } : {}) }) };
}

export const cephRelation = (units: Record<string, Databag>): RelationSnapshot => relation('ceph', 5, 'ceph-mon', units);

/** mysql + keystone + nova-cloud-controller, plus the given relations and options. */
export function withStores(relations: Record<string, RelationSnapshot[]>, config: Record<string, unknown> = {}, base = deployed()): Snapshot {
  return { ...base, config: { ...base.config, ...config }, relations: { ...base.relations, ...relations } };
}

export const statusOf = (plan: Plan) => ofKind(plan, 'status').at(-1);

/** The workload status after the hook, whether or not the hook had to set it again. */
export const statusAfter = (s: Snapshot) => settle(s).memory.lastStatus;

/** The INI text a plan writes to a path, parsed (undefined when the plan leaves the file alone). */
export function written(plan: Plan, path: string): Record<string, Record<string, string>> | undefined {
  const w = ofKind(plan, 'write-file').find((e) => e.path === path);
  return w ? parseIni(w.content) : undefined;
}

export const restarts = (plan: Plan): string[] =>
  ofKind(plan, 'service')
    .filter((e) => e.action === 'restart')
    .map((e) => e.service);
