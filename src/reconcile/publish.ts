/**
 * What glance publishes on every relation, diffed against what it published before (kept in
 * unit memory), so that each databag gets at most one relation-set with only the keys that
 * changed, and a repeated hook sends nothing.
 */
import type { Decision } from '../model/decide.js';
import { unitServices } from '../model/services.js';
import type { Effect } from '../plan.js';
import { ENDPOINTS, HANDLERS } from '../relations/index.js';
import type { PublishEnv, RelationHandler } from '../relations/types.js';
import type { Databag, Snapshot } from '../snapshot.js';

export function diffBag(before: Databag, after: Databag): Databag {
  const out: Databag = {};
  for (const [k, v] of Object.entries(after)) if (before[k] !== v) out[k] = v;
  for (const k of Object.keys(before)) if (!(k in after)) out[k] = '';
  return out;
}

export interface PublishPlan {
  effects: Effect[];
  published: Record<string, Databag>;
}

export function planPublish(d: Decision, snap: Snapshot, leader: boolean, skip: ReadonlySet<string>): PublishPlan {
  const env: PublishEnv = { ...d.readEnv, model: d.model, addresses: d.addresses, leader, services: unitServices(d) };
  const before = snap.memory.published ?? {};
  const published: Record<string, Databag> = {};
  const effects: Effect[] = [];
  for (const endpoint of ENDPOINTS) {
    const handler = HANDLERS[endpoint] as RelationHandler<unknown>;
    if (!handler.publish || skip.has(endpoint)) {
      for (const rel of snap.relations[endpoint] ?? []) if (before[rel.id]) published[rel.id] = before[rel.id] as Databag;
      continue;
    }
    for (const rel of snap.relations[endpoint] ?? []) {
      const want = handler.publish(rel, env);
      const delta = diffBag(before[rel.id] ?? {}, want);
      if (Object.keys(delta).length) effects.push({ kind: 'relation-set', relationId: rel.id, app: false, data: delta });
      published[rel.id] = want;
    }
  }
  return { effects, published };
}
