/**
 * Read phase: gather the Snapshot for one hook with as few hook-tool calls as the decision
 * needs, the independent ones side by side. The reference charm made 188-700 calls per hook
 * (mostly repeated network-get); here each read happens at most once (HookTools caches) and only
 * where it can matter:
 * - relation-ids only where unit memory cannot stand in for it (relation-ids.ts), and unrelated
 *   endpoints cost nothing;
 * - endpoints whose remote data glance never reads (image-service, object-store,
 *   cinder-volume-service) only need their relation ids;
 * - the remote app databag is read only when the unit databags leave the relation incomplete;
 * - leader-wide facts (leader settings, the cluster app databag) only on the leader, and only
 *   while this unit has not recorded them yet.
 * - this unit's own databags only in upgrade-charm (the charm may have been switched) and while
 *   unit memory does not say what this unit published.
 * network-get is asked on every hook: addresses and bindings change outside any hook (Juju then
 * queues config-changed), and the hook that follows such a change must see them.
 * Side by side is safe: the unit agent runs one hook tool command at a time (jujuc server mutex);
 * what overlaps is the tools' own process start-up and the charm's waiting.
 */
import { randomBytes } from 'node:crypto';
import { readNrpeHost } from '../nrpe/read.js';
import { completeWith, needsOwnBag, readNeed } from '../relations/index.js';
import type { Databag, HookContext, HostSnapshot, Network, RelationSnapshot, Snapshot, UnitMemory } from '../snapshot.js';
import { POLICYD_HOOKS } from '../policyd/files.js';
import { readPolicyOverrides } from './read-policyd.js';
import { relationEvent } from './context.js';
import { type EndpointRead, endpointsToRead } from './relation-ids.js';
import { type HookTools, isRelationNotFound } from './tools.js';
import { decodeUnitMemory } from './unit-memory.js';

/** Bindings whose addresses feed endpoint URLs, haproxy frontends and peer data. */
const ALWAYS_BOUND = ['public', 'internal', 'admin', 'cluster'] as const;

/** Where a relation is read from: the hook tools, the hook, and whether to read this unit's own databags. */
interface RelationReader {
  tools: HookTools;
  hook: HookContext;
  ownBags: boolean;
}

async function readRelation({ tools, hook, ownBags }: RelationReader, endpoint: string, id: string): Promise<RelationSnapshot> {
  const needs = readNeed(endpoint);
  const rel: RelationSnapshot = { id, endpoint, app: '', units: {}, appData: {} };
  if (hook.relationId === id && hook.remoteApp) rel.app = hook.remoteApp;
  if (ownBags || needsOwnBag(endpoint)) rel.published = await tools.relationGet(id, hook.unitName);
  if (needs === 'ids') return rel;
  const units = await tools.relationList(id);
  const bags = await Promise.all(units.map((unit) => tools.relationGet(id, unit, { app: false })));
  units.forEach((unit, i) => {
    rel.units[unit] = bags[i] ?? {};
  });
  if (!rel.app && units[0]) rel.app = units[0].split('/')[0] ?? '';
  if (needs === 'units+app' && !unitDataComplete(endpoint, rel)) {
    if (!rel.app) rel.app = await tools.relationListApp(id);
    if (rel.app) rel.appData = await tools.relationGet(id, rel.app, { app: true });
  }
  return rel;
}

/** A units+app relation whose unit data already carries what the handler waits for needs no app read. */
function unitDataComplete(endpoint: string, rel: RelationSnapshot): boolean {
  const key = completeWith(endpoint);
  return key !== undefined && Object.values(rel.units).some((bag) => Boolean(bag[key]));
}

async function readIds(reader: RelationReader, endpoint: string, ids: readonly string[]): Promise<RelationSnapshot[]> {
  return Promise.all(ids.map((id) => readRelation(reader, endpoint, id)));
}

async function readEndpoint(reader: RelationReader, read: EndpointRead, broken: string | undefined): Promise<RelationSnapshot[]> {
  if (read.remembered) {
    // relation-list answers "relation not found" for a relation the agent no longer knows: then
    // ask which it has. Any other failure is a failure of this hook.
    const remembered = await readIds(reader, read.endpoint, read.remembered).catch((error: unknown) => {
      if (isRelationNotFound(error)) return undefined;
      throw error;
    });
    if (remembered) return remembered;
  }
  const ids = (await reader.tools.relationIds(read.endpoint)).filter((id) => id !== broken);
  return readIds(reader, read.endpoint, ids);
}

async function readRelations(tools: HookTools, hook: HookContext, memory: UnitMemory): Promise<Record<string, RelationSnapshot[]>> {
  const reads = endpointsToRead(await tools.goalState(), hook, Object.keys(memory.published ?? {}));
  const broken = relationEvent(hook.name)?.event === 'broken' ? hook.relationId : undefined;
  // After a charm switch the bags hold what the previous charm wrote; unit memory (none, or this
  // charm's from before a round trip through another charm) cannot say.
  const ownBags = memory.published === undefined || hook.name === 'upgrade-charm';
  const reader: RelationReader = { tools, hook, ownBags };
  const found = await Promise.all(reads.map((read) => readEndpoint(reader, read, broken)));
  const out: Record<string, RelationSnapshot[]> = {};
  reads.forEach((read, i) => {
    const rels = found[i] ?? [];
    if (rels.length) out[read.endpoint] = rels;
  });
  return out;
}

/**
 * Leader-wide facts: the leader settings (where the Python charm kept `db-initialised`), then the
 * cluster peer application databag (where this charm keeps them) over them.
 */
async function leaderFacts(tools: HookTools, hook: HookContext, peerId: string | undefined): Promise<Databag> {
  const [settings, peerApp] = await Promise.all([
    tools.leaderGet(),
    peerId ? tools.relationGet(peerId, hook.appName, { app: true }) : {},
  ]);
  return { ...settings, ...peerApp };
}

export interface ReadDeps {
  tools: HookTools;
  readHost: (managedPaths: readonly string[]) => Promise<HostSnapshot>;
  managedPaths: readonly string[];
}

/** The private address when a binding has none: the cluster binding's, else unit-get's. */
async function privateAddressOf(tools: HookTools, networks: Snapshot['networks']): Promise<string> {
  const fromCluster = networks.cluster?.ingressAddresses[0] ?? networks.cluster?.bindAddresses[0]?.address;
  if (fromCluster !== undefined) return fromCluster;
  const anyMissing = Object.values(networks).some((n) => !n?.bindAddresses[0]?.address);
  return anyMissing ? tools.unitGet('private-address') : '';
}

const networksOf = async (tools: HookTools, bindings: readonly string[]): Promise<Record<string, Network | null>> =>
  Object.fromEntries(await Promise.all(bindings.map(async (b) => [b, await tools.networkGet(b)] as const)));

export async function readSnapshot(hook: HookContext, deps: ReadDeps): Promise<Snapshot> {
  const { tools } = deps;
  // Everything that depends on nothing else, at once; goal-state starts with them (cached).
  const [config, state, leader, boundNetworks, actionParams] = await Promise.all([
    tools.configGet(),
    tools.stateGet(),
    tools.isLeader(),
    networksOf(tools, ALWAYS_BOUND),
    hook.kind === 'action' ? tools.actionGet() : undefined,
    tools.goalState(),
  ]);
  const memory = decodeUnitMemory(state);
  const juju = async () => {
    const relations = await readRelations(tools, hook, memory);
    const peerApp = relations.cluster?.[0];
    const [sharedDbNetwork, leaderData, nrpe] = await Promise.all([
      relations['shared-db'] ? networksOf(tools, ['shared-db']) : {},
      leader && !memory.dbInitialised ? leaderFacts(tools, hook, peerApp?.id) : {},
      readNrpeHost(hook.appName, hook.charmDir, Boolean(relations['nrpe-external-master'])),
    ]);
    const networks = { ...boundNetworks, ...sharedDbNetwork };
    return { relations, networks, leaderData, nrpe, privateAddress: await privateAddressOf(tools, networks) };
  };
  const [{ relations, networks, leaderData, nrpe, privateAddress }, host, policyd] = await Promise.all([
    juju(),
    deps.readHost([...deps.managedPaths, ...(memory.certPaths ?? [])]),
    POLICYD_HOOKS.has(hook.name) ? readPolicyOverrides(tools, config['use-policyd-override'] === true) : undefined,
  ]);
  const entropy = randomBytes(24).toString('base64url');
  const snap: Snapshot = { hook, config, leader, leaderData, memory, relations, networks, privateAddress, host, actionParams, entropy };
  // Only where they matter, so recorded snapshots stay small.
  if (nrpe.confDir) snap.nrpe = nrpe;
  if (policyd) snap.policyd = policyd;
  return snap;
}
