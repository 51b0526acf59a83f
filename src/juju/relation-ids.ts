/**
 * Which endpoints a hook reads, and for which of them the relation ids this unit published on in
 * its last successful hook (unit memory) can stand in for a `relation-ids` call.
 *
 * Endpoints read: those goal-state shows related, the hook's own, those this unit has published
 * on, and always the peer endpoint. Juju's goal-state leaves peer relations out altogether
 * (apiserver uniter goalStateRelations: "Ignore peer relations here"), shows nothing for a
 * relation offered to another model, and drops a relation once it is dead, possibly before its
 * -broken hook has run here; memory and the hook fill those gaps.
 *
 * Remembered ids are used only where they cannot hide a relation Juju would list:
 * - the peer relation: exactly one per application, created with it and never removed while the
 *   unit lives, so its id never changes;
 * - an endpoint whose remote unit data is read: only if the hook is not about a relation of it
 *   that memory does not know, and goal-state lists exactly as many remote applications on it as
 *   memory has ids (a relation added or gone since the last hook changes that count). The read
 *   then runs `relation-list -r <id>` on each, which fails for a relation the unit agent no longer
 *   knows, and the caller asks `relation-ids` instead.
 * What the count cannot see is one relation replaced by another on the same endpoint between two
 * hooks, before the new one's -created hook has run here: this hook then reads the old one (as
 * `relation-ids` would while it is dying) and not the new one, which its own hooks, queued next,
 * read. update-status never meets that case: Juju runs it only once no relation hook is pending.
 * Endpoints whose remote data glance does not read ('ids') always ask: their ids are not otherwise
 * confirmed, and writing to a relation Juju no longer has would fail every retry of the hook.
 */
import { cluster } from '../relations/cluster.js';
import { readNeed } from '../relations/index.js';
import type { HookContext } from '../snapshot.js';
import { relationEvent } from './context.js';
import type { GoalState } from './tool-output.js';

export const PEER_ENDPOINT = cluster.endpoint;

export interface EndpointRead {
  endpoint: string;
  /** Relation ids to read without asking relation-ids (confirmed by the read itself). */
  remembered?: string[];
}

const UNIT_NAME = /^[a-z][a-z0-9-]*\/\d+$/;

/** "shared-db:7" → "shared-db" */
const endpointOf = (relationId: string): string => relationId.slice(0, relationId.lastIndexOf(':'));

/** Remote applications goal-state lists on an endpoint (its other keys are their units). */
const goalApps = (goal: GoalState, endpoint: string): number =>
  Object.keys(goal.relations[endpoint] ?? {}).filter((key) => !UNIT_NAME.test(key)).length;

export function endpointsToRead(goal: GoalState, hook: HookContext, published: readonly string[]): EndpointRead[] {
  const hookEndpoint = hook.relationName ?? relationEvent(hook.name)?.endpoint;
  const broken = relationEvent(hook.name)?.event === 'broken' ? hook.relationId : undefined;
  const known = published.filter((id) => id.includes(':') && id !== broken);
  const endpoints = new Set([...Object.keys(goal.relations), PEER_ENDPOINT, ...known.map(endpointOf)]);
  if (hookEndpoint) endpoints.add(hookEndpoint);

  return [...endpoints].sort().map((endpoint): EndpointRead => {
    const ids = known.filter((id) => endpointOf(id) === endpoint);
    const hookId = hookEndpoint === endpoint && hook.relationId !== broken ? hook.relationId : undefined;
    if (endpoint === PEER_ENDPOINT) {
      const peer = hookId ?? (ids.length === 1 ? ids[0] : undefined);
      return peer ? { endpoint, remembered: [peer] } : { endpoint };
    }
    const readsUnits = readNeed(endpoint) !== 'ids';
    const hookKnown = hookId === undefined || ids.includes(hookId);
    if (readsUnits && hookKnown && ids.length > 0 && ids.length === goalApps(goal, endpoint)) return { endpoint, remembered: ids };
    return { endpoint };
  });
}
