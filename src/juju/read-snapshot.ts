/**
 * Read phase: gather the Snapshot for one hook with as few hook-tool calls as the decision
 * needs. The reference charm made 188-700 calls per hook (mostly repeated network-get); here
 * each read happens at most once (HookTools caches) and only where it can matter:
 * - goal-state says which endpoints have relations, so unrelated endpoints cost nothing;
 * - endpoints whose remote data glance never reads (image-service, object-store,
 *   cinder-volume-service) only need their relation ids;
 * - the remote app databag is read only when the unit databags leave the relation incomplete;
 * - the cluster app databag (leader-wide facts) only when this unit has not recorded them yet.
 */
import { randomBytes } from 'node:crypto';
import { readNrpeHost } from '../nrpe/read.js';
import { READ_NEEDS } from '../relations/read-needs.js';
import type { HookContext, HostSnapshot, RelationSnapshot, Snapshot } from '../snapshot.js';
import { POLICYD_HOOKS } from '../steps/policyd.js';
import { readPolicyOverrides } from '../steps/policyd-read.js';
import { relationEvent } from './context.js';
import type { HookTools } from './tools.js';
import { decodeUnitMemory } from './unit-memory.js';

/** Bindings whose addresses feed endpoint URLs, haproxy frontends and peer data. */
const ALWAYS_BOUND = ['public', 'internal', 'admin', 'cluster'] as const;

async function readRelation(
  tools: HookTools,
  hook: HookContext,
  endpoint: string,
  id: string,
): Promise<RelationSnapshot> {
  const needs = READ_NEEDS[endpoint] ?? 'units';
  const rel: RelationSnapshot = { id, endpoint, app: '', units: {}, appData: {} };
  if (hook.relationId === id && hook.remoteApp) rel.app = hook.remoteApp;
  if (needs === 'ids') return rel;
  for (const unit of await tools.relationList(id)) {
    rel.units[unit] = await tools.relationGet(id, unit, { app: false });
    if (!rel.app) rel.app = unit.split('/')[0] ?? '';
  }
  if (needs === 'units+app' && !unitDataComplete(endpoint, rel)) {
    if (!rel.app) rel.app = await tools.relationListApp(id);
    if (rel.app) rel.appData = await tools.relationGet(id, rel.app, { app: true });
  }
  return rel;
}

/** A units+app relation whose unit data already carries the credentials needs no app read. */
function unitDataComplete(endpoint: string, rel: RelationSnapshot): boolean {
  const key = endpoint === 'identity-service' ? 'service_password' : undefined;
  return key !== undefined && Object.values(rel.units).some((bag) => Boolean(bag[key]));
}

async function readRelations(tools: HookTools, hook: HookContext): Promise<Record<string, RelationSnapshot[]>> {
  const goal = await tools.goalState();
  const endpoints = new Set(Object.keys(goal.relations));
  const current = hook.relationName ?? relationEvent(hook.name)?.endpoint;
  if (current) endpoints.add(current);
  const broken = relationEvent(hook.name)?.event === 'broken' ? hook.relationId : undefined;
  const out: Record<string, RelationSnapshot[]> = {};
  for (const endpoint of [...endpoints].sort()) {
    const ids = (await tools.relationIds(endpoint)).filter((id) => id !== broken);
    const rels: RelationSnapshot[] = [];
    for (const id of ids) rels.push(await readRelation(tools, hook, endpoint, id));
    if (rels.length) out[endpoint] = rels;
  }
  return out;
}

export interface ReadDeps {
  tools: HookTools;
  readHost: (managedPaths: readonly string[]) => Promise<HostSnapshot>;
  managedPaths: readonly string[];
}

export async function readSnapshot(hook: HookContext, deps: ReadDeps): Promise<Snapshot> {
  const { tools } = deps;
  const config = await tools.configGet();
  const memory = decodeUnitMemory(await tools.stateGet());
  const relations = await readRelations(tools, hook);
  const bindings = new Set<string>(ALWAYS_BOUND);
  if (relations['shared-db']) bindings.add('shared-db');
  const networks: Snapshot['networks'] = {};
  for (const b of bindings) networks[b] = await tools.networkGet(b);
  const anyMissing = Object.values(networks).some((n) => !n?.bindAddresses[0]?.address);
  const privateAddress =
    networks.cluster?.ingressAddresses[0] ??
    networks.cluster?.bindAddresses[0]?.address ??
    (anyMissing ? await tools.unitGet('private-address') : '');
  const leader = await tools.isLeader();
  const peerApp = relations.cluster?.[0];
  let leaderData = {};
  if (leader && !memory.dbInitialised && peerApp) {
    leaderData = await tools.relationGet(peerApp.id, hook.appName, { app: true });
  }
  const host = await deps.readHost([...deps.managedPaths, ...(memory.certPaths ?? [])]);
  const actionParams = hook.kind === 'action' ? await tools.actionGet() : undefined;
  const entropy = randomBytes(24).toString('base64url');
  const nrpe = await readNrpeHost(hook.appName, hook.charmDir, Boolean(relations['nrpe-external-master']));
  const policyd = POLICYD_HOOKS.has(hook.name) ? await readPolicyOverrides(tools, config['use-policyd-override'] === true) : undefined;
  const snap: Snapshot = { hook, config, leader, leaderData, memory, relations, networks, privateAddress, host, actionParams, entropy };
  // Only where they matter, so recorded snapshots stay small.
  if (nrpe.confDir) snap.nrpe = nrpe;
  if (policyd) snap.policyd = policyd;
  return snap;
}
