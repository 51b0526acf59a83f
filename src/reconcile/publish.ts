/**
 * What glance publishes on every relation, diffed against what it published before (kept in
 * unit memory), so that each databag gets at most one relation-set with only the keys that
 * changed, and a repeated hook sends nothing.
 */
import type { Decision } from '../model/decide.js';
import type { Effect } from '../plan.js';
import { ENDPOINTS, HANDLERS } from '../relations/index.js';
import type { PublishEnv, RelationHandler } from '../relations/types.js';
import type { Databag, RelationSnapshot, Snapshot } from '../snapshot.js';
import { unitServices } from './services.js';

/** Keys Juju itself keeps in every unit databag: a charm may set them but never deletes them. */
const JUJU_KEYS = new Set(['private-address', 'ingress-address', 'egress-subnets']);

export function diffBag(before: Databag, after: Databag): Databag {
  const out: Databag = {};
  for (const [k, v] of Object.entries(after)) if (before[k] !== v) out[k] = v;
  for (const k of Object.keys(before)) if (!(k in after) && !JUJU_KEYS.has(k)) out[k] = '';
  return out;
}

/**
 * What this unit has out on a relation: its databag as Juju holds it when the read phase read it
 * (after `juju refresh --switch` it is what the previous charm left: keys this charm does not
 * publish are deleted and equal values are not sent again), else what it last published. Equal
 * values would not wake the remote side anyway (juju/juju state/settings.go: Settings.Write
 * writes, and bumps the version relation watchers follow, only for keys whose value changed);
 * the Ceph broker request is different: the same request in another text is a change.
 */
function outThere(snap: Snapshot, rel: RelationSnapshot): Databag {
  return rel.published ?? snap.memory.published?.[rel.id] ?? {};
}

export interface PublishPlan {
  effects: Effect[];
  published: Record<string, Databag>;
}

export function planPublish(d: Decision, snap: Snapshot, leader: boolean, skip: ReadonlySet<string>): PublishPlan {
  const env: PublishEnv = { ...d.readEnv, model: d.model, addresses: d.addresses, leader, services: unitServices(d) };
  const published: Record<string, Databag> = {};
  const effects: Effect[] = [];
  for (const endpoint of ENDPOINTS) {
    const handler = HANDLERS[endpoint] as RelationHandler<unknown>;
    if (!handler.publish || skip.has(endpoint)) {
      for (const rel of snap.relations[endpoint] ?? []) {
        // Remembered as this charm's: Juju's own keys are not.
        const before = Object.fromEntries(Object.entries(outThere(snap, rel)).filter(([k]) => !JUJU_KEYS.has(k)));
        if (Object.keys(before).length) published[rel.id] = before;
      }
      continue;
    }
    for (const rel of snap.relations[endpoint] ?? []) {
      const before = outThere(snap, rel);
      const want = handler.publish(rel, env, before);
      const delta = diffBag(before, want);
      if (Object.keys(delta).length) effects.push({ kind: 'relation-set', relationId: rel.id, app: false, data: delta });
      published[rel.id] = want;
    }
  }
  return { effects, published };
}
