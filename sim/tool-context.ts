/** One unit's view of the model for one hook: what the tool and command calls answer from. */
import type { CharmMeta } from './charm-meta.js';
import { bindingNames } from './charm-meta.js';
import type { GoalEntry, HookInfo, RelationView, ToolContext } from './protocol.js';
import type { ConfigValue, Relation, SimState } from './state.js';

export function configView(state: SimState, meta: CharmMeta): Record<string, ConfigValue | null> {
  const out: Record<string, ConfigValue | null> = {};
  for (const [name, option] of Object.entries(meta.options)) out[name] = state.config[name] ?? option.default;
  return out;
}

/** "glance:shared-db mysql:shared-db": Juju names the requirer first. */
export function relationKey(app: string, relation: Relation, meta: CharmMeta): string {
  const ours = `${app}:${relation.endpoint}`;
  if (relation.peer) return ours;
  const theirs = `${relation.remoteApp}:${relation.remoteEndpoint}`;
  return meta.endpoints[relation.endpoint]?.role === 'provides' ? `${theirs} ${ours}` : `${ours} ${theirs}`;
}

/** Remote units currently in the relation (for a peer relation, all our units). */
export function unitsInRelation(relation: Relation): string[] {
  if (relation.peer) return Object.keys(relation.localUnits);
  return Object.keys(relation.remoteUnits).filter((u) => !relation.departed.includes(u));
}

function relationView(state: SimState, meta: CharmMeta, relation: Relation, unit: string, hook: HookInfo): RelationView {
  return {
    id: relation.id,
    endpoint: relation.endpoint,
    remoteApp: relation.remoteApp,
    key: relationKey(state.app, relation, meta),
    peer: relation.peer,
    broken: hook.name === `${relation.endpoint}-relation-broken` && hook.relationId === relation.id,
    members: relation.members[unit] ?? [],
    unitBags: { ...relation.remoteUnits, ...relation.localUnits },
    localAppBag: relation.localAppData,
    remoteAppBag: relation.remoteAppData,
  };
}

/**
 * As Juju's uniter builds it (apiserver goalStateRelations): peer relations are left out
 * altogether ("Ignore peer relations here"), other relations list the remote application and its
 * units.
 */
function goalState(state: SimState, since: string): ToolContext['goalState'] {
  const entry = (status: string): GoalEntry => ({ status, since });
  const units = Object.fromEntries(Object.keys(state.units).map((u) => [u, entry('active')]));
  const relations: Record<string, Record<string, GoalEntry>> = {};
  for (const r of state.relations) {
    if (r.peer) continue;
    const bucket = relations[r.endpoint] ?? {};
    bucket[r.remoteApp] = entry('joined');
    for (const u of unitsInRelation(r)) bucket[u] = entry('joined');
    relations[r.endpoint] = bucket;
  }
  return { units, relations };
}

export interface ContextExtras {
  actionParams?: Record<string, unknown>;
  uid: number;
  gid: number;
  now: string;
}

export function toolContext(state: SimState, meta: CharmMeta, unitName: string, hook: HookInfo, extras: ContextExtras): ToolContext {
  const unit = state.units[unitName];
  if (!unit) throw new Error(`no unit ${unitName}`);
  return {
    unit: unitName,
    app: state.app,
    leader: state.leader === unitName,
    hook,
    actionParams: extras.actionParams,
    config: configView(state, meta),
    endpoints: Object.keys(meta.endpoints),
    relations: state.relations.filter((r) => unitName in r.localUnits).map((r) => relationView(state, meta, r, unitName, hook)),
    bindings: bindingNames(meta),
    networks: unit.networks,
    defaultNetwork: unit.defaultNetwork,
    privateAddress: unit.privateAddress,
    publicAddress: unit.publicAddress,
    unitState: unit.state,
    leaderData: state.leaderData,
    unitStatus: unit.status,
    appStatus: state.appStatus,
    unitStatuses: Object.fromEntries(Object.values(state.units).map((u) => [u.name, u.status])),
    workloadVersion: unit.workloadVersion,
    openedPorts: unit.openedPorts,
    resources: state.resources,
    goalState: goalState(state, extras.now),
    fsRoot: unit.fsRoot,
    host: unit.host,
    uid: extras.uid,
    gid: extras.gid,
  };
}
