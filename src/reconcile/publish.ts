/**
 * What glance publishes on every relation. Unit memory keeps only a digest of each unit databag
 * it last published, so it stays small however many relations and keys there are: a bag whose
 * digest is unchanged needs nothing, and one that changed becomes a `publish` effect, which
 * apply() diffs against what Juju holds (so a bag Juju or an earlier charm changed is set right
 * too) and sends as one relation-set with only the keys that differ.
 */
import { createHash } from 'node:crypto';
import type { Decision } from '../model/decide.js';
import { unitServices } from '../model/services.js';
import type { Effect } from '../plan.js';
import { ENDPOINTS, HANDLERS } from '../relations/index.js';
import type { PublishEnv, RelationHandler } from '../relations/types.js';
import type { Databag, Snapshot } from '../snapshot.js';

/** Sorted keys, so the same bag always has the same digest; 96 bits tell bags apart. */
export const bagDigest = (bag: Databag): string =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(bag).sort(([a], [b]) => (a < b ? -1 : 1))))
    .digest('base64url')
    .slice(0, 16);

export interface PublishPlan {
  effects: Effect[];
  /** Digest of each unit databag published, by relation id. */
  published: Record<string, string>;
}

export function planPublish(d: Decision, snap: Snapshot, leader: boolean, skip: ReadonlySet<string>): PublishPlan {
  const env: PublishEnv = {
    ...d.readEnv,
    addresses: d.addresses,
    endpoints: d.model.endpoints,
    clustered: d.model.clustered,
    serving: d.model.database !== undefined && d.model.identity !== undefined,
    leader,
    services: unitServices(d),
  };
  const before = snap.memory.published ?? {};
  const published: Record<string, string> = {};
  const effects: Effect[] = [];
  for (const endpoint of ENDPOINTS) {
    const handler = HANDLERS[endpoint] as RelationHandler<unknown>;
    for (const rel of snap.relations[endpoint] ?? []) {
      const held = before[rel.id];
      if (!handler.publish || skip.has(endpoint)) {
        if (held !== undefined) published[rel.id] = held;
        continue;
      }
      // What this unit holds out there, where the read phase read it (after a switch, or for a
      // handler that keeps a value word for word: RelationHandler.ownBag).
      const want = handler.publish(rel, env, rel.published ?? {});
      // Declined for now: the bag keeps what it holds, and the id is remembered all the same
      // (src/juju/relation-ids.ts); '' is a digest no bag has.
      if (want === undefined) {
        published[rel.id] = held ?? '';
        continue;
      }
      const digest = bagDigest(want);
      if (digest !== held) effects.push({ kind: 'publish', relationId: rel.id, unit: snap.hook.unitName, data: want });
      published[rel.id] = digest;
    }
  }
  return { effects, published };
}
