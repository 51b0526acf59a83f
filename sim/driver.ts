/**
 * The sequence driver: whole operator actions as the hook sequences Juju runs for them
 * (reference/juju-runtime.md §3), each ending with settle(). Every function returns the hooks
 * it ran, in order. Relations are looked up by id after every hook: a commit replaces the state.
 */
import { peerEndpoints } from './charm-meta.js';
import { InconsistentSimError, checkConfig, checkEndpoint } from './consistency.js';
import { ingressAddress, jujuBagDefaults } from './defaults.js';
import type { HookOptions, Sim } from './engine.js';
import { relationNumber } from './engine.js';
import { mergeBag } from './fold.js';
import { afterCommit } from './propagation.js';
import type { HookResult } from './records.js';
import type { RemoteUpdate } from './remote.js';
import type { ConfigValue, Databag, NetworkInfo, Unit } from './state.js';

export interface DeployOptions {
  units?: number;
  config?: Record<string, ConfigValue | null>;
  /** Shapes each new unit (bindings, interfaces, host tables) before any of its hooks runs. */
  prepare?: (unit: Unit, index: number) => void;
}

export type AddUnitOptions = Pick<DeployOptions, 'prepare'>;

export interface IntegrateOptions {
  /** Remote units and their data (Juju's private-address etc. are added). Default: one unit,
   * or for a container-scoped endpoint one subordinate per unit of ours. */
  units?: Record<string, Databag>;
  appData?: Databag;
  /** The remote application's endpoint name (shown in relation keys); default: ours. */
  remoteEndpoint?: string;
}

export interface Integration {
  relationId: number;
  /** "shared-db:3", as JUJU_RELATION_ID spells it. */
  id: string;
  results: HookResult[];
}

class Run {
  readonly results: HookResult[] = [];
  constructor(private readonly sim: Sim) {}
  async hook(unit: string, hook: string, opts: HookOptions = {}): Promise<void> {
    this.results.push(await this.sim.runHook(unit, hook, opts));
  }
  async settle(): Promise<HookResult[]> {
    this.results.push(...(await this.sim.settle()));
    return this.results;
  }
}

const units = (sim: Sim): string[] => Object.keys(sim.state.units);

const isContainer = (sim: Sim, endpoint: string): boolean => sim.meta.endpoints[endpoint]?.scope === 'container';

function checkRemoteUnitName(remoteApp: string, unit: string): void {
  if (!new RegExp(`^${remoteApp.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\d+$`).test(unit)) {
    throw new InconsistentSimError(`remote unit "${unit}" is not a unit of "${remoteApp}" (expected ${remoteApp}/<n>)`);
  }
}

function applyConfig(sim: Sim, values: Record<string, ConfigValue | null>): void {
  checkConfig(sim.meta, values, sim.checkConfigTypes);
  for (const [key, value] of Object.entries(values)) {
    if (value === null) delete sim.state.config[key];
    else sim.state.config[key] = value;
  }
}

/** install → relation-created for existing relations → leader-* → config-changed → start. */
async function setUp(sim: Sim, run: Run, unit: string): Promise<void> {
  await run.hook(unit, 'install');
  for (const r of [...sim.state.relations]) await run.hook(unit, `${r.endpoint}-relation-created`, { relationId: r.id });
  await run.hook(unit, sim.state.leader === unit ? 'leader-elected' : 'leader-settings-changed');
  await run.hook(unit, 'config-changed');
  await run.hook(unit, 'start');
}

async function join(run: Run, unit: string, endpoint: string, relationId: number, remoteUnit: string): Promise<void> {
  await run.hook(unit, `${endpoint}-relation-joined`, { relationId, remoteUnit });
  await run.hook(unit, `${endpoint}-relation-changed`, { relationId, remoteUnit });
}

export async function deploy(sim: Sim, o: DeployOptions): Promise<HookResult[]> {
  if (units(sim).length > 0) throw new InconsistentSimError('already deployed: use addUnit()');
  applyConfig(sim, o.config ?? {});
  const names = Array.from({ length: o.units ?? 1 }, (_, i) => {
    const unit = sim.createUnit();
    o.prepare?.(unit, i);
    return unit.name;
  });
  sim.state.leader ??= names[0] ?? null;
  const peers = peerEndpoints(sim.meta).map((e) => sim.createRelation(e.name, sim.state.app).id);
  const run = new Run(sim);
  for (const unit of names) await setUp(sim, run, unit);
  for (const id of peers) {
    const endpoint = sim.relation(id).endpoint;
    for (const unit of names) for (const peer of names) if (peer !== unit) await join(run, unit, endpoint, id, peer);
  }
  return run.settle();
}

export async function integrate(sim: Sim, endpoint: string, remoteApp: string, o: IntegrateOptions): Promise<Integration> {
  checkEndpoint(sim.meta, endpoint, 'non-peer');
  const locals = units(sim);
  const container = isContainer(sim, endpoint);
  const given = o.units ?? Object.fromEntries((container ? locals : [null]).map((_, i) => [`${remoteApp}/${i}`, {}]));
  const relation = sim.createRelation(endpoint, remoteApp, o.remoteEndpoint);
  const remoteNames = Object.keys(given);
  remoteNames.forEach((name, i) => {
    checkRemoteUnitName(remoteApp, name);
    relation.remoteUnits[name] = { ...sim.remoteUnitDefaults(relation, container ? locals[i] : undefined), ...given[name] };
  });
  relation.remoteAppData = { ...o.appData };
  const id = relation.id;
  const run = new Run(sim);
  for (const unit of locals) await run.hook(unit, `${endpoint}-relation-created`, { relationId: id });
  for (const [i, unit] of locals.entries()) {
    const scope = container ? remoteNames.slice(i, i + 1) : remoteNames;
    for (const remoteUnit of scope) await join(run, unit, endpoint, id, remoteUnit);
  }
  await sim.askRemote(id);
  return { relationId: id, id: `${endpoint}:${id}`, results: await run.settle() };
}

export async function setRemoteData(sim: Sim, relationId: number | string, update: RemoteUpdate): Promise<HookResult[]> {
  sim.applyRemoteUpdate(relationNumber(relationId), update);
  return new Run(sim).settle();
}

export async function addRemoteUnit(sim: Sim, relationId: number | string, unit: string, data: Databag): Promise<HookResult[]> {
  const relation = sim.relation(relationId);
  checkRemoteUnitName(relation.remoteApp, unit);
  if (unit in relation.remoteUnits && !relation.departed.includes(unit)) {
    throw new InconsistentSimError(`${unit} is already in relation ${relation.id}`);
  }
  const container = isContainer(sim, relation.endpoint);
  const locals = Object.keys(relation.localUnits);
  const principal = container ? locals.find((u) => (relation.members[u] ?? []).length === 0) : undefined;
  if (container && !principal) throw new InconsistentSimError(`every unit of ours already has a ${relation.remoteApp} subordinate`);
  relation.remoteUnits[unit] = { ...sim.remoteUnitDefaults(relation, principal), ...data };
  relation.departed = relation.departed.filter((u) => u !== unit);
  const run = new Run(sim);
  for (const local of principal ? [principal] : locals) await join(run, local, relation.endpoint, relation.id, unit);
  await sim.askRemote(relation.id);
  return run.settle();
}

export async function departRemoteUnit(sim: Sim, relationId: number | string, unit: string): Promise<HookResult[]> {
  const relation = sim.relation(relationId);
  if (!(unit in relation.remoteUnits) || relation.departed.includes(unit)) {
    throw new InconsistentSimError(`${unit} is not in relation ${relation.id}`);
  }
  relation.departed.push(unit);
  const run = new Run(sim);
  const hook = `${relation.endpoint}-relation-departed`;
  for (const [local, members] of Object.entries(relation.members)) {
    if (members.includes(unit)) await run.hook(local, hook, { relationId: relation.id, remoteUnit: unit, departingUnit: unit });
  }
  return run.settle();
}

/** -departed for every remote unit, then -broken, on each of our units. */
async function leave(sim: Sim, run: Run, unit: string, relationId: number, departing: (remote: string) => string): Promise<void> {
  const { endpoint, members } = sim.relation(relationId);
  for (const remote of [...(members[unit] ?? [])]) {
    await run.hook(unit, `${endpoint}-relation-departed`, { relationId, remoteUnit: remote, departingUnit: departing(remote) });
  }
  if (!sim.relation(relationId).peer) await run.hook(unit, `${endpoint}-relation-broken`, { relationId });
}

export async function removeRelation(sim: Sim, relationId: number | string): Promise<HookResult[]> {
  const relation = sim.relation(relationId);
  if (relation.peer) throw new InconsistentSimError(`relation ${relation.id} is a peer relation: it cannot be removed`);
  const run = new Run(sim);
  for (const unit of Object.keys(relation.localUnits)) await leave(sim, run, unit, relation.id, (remote) => remote);
  return run.settle();
}

export async function config(sim: Sim, values: Record<string, ConfigValue | null>): Promise<HookResult[]> {
  applyConfig(sim, values);
  return everyUnit(sim, 'config-changed');
}

export async function everyUnit(sim: Sim, hook: string): Promise<HookResult[]> {
  const run = new Run(sim);
  for (const unit of units(sim)) await run.hook(unit, hook);
  return run.settle();
}

/**
 * A new unit: its set-up hooks (entering every relation), then it and the others meet: peers
 * join each other, it joins the remote units (a container-scoped relation gets it a new
 * subordinate, as Juju deploys one with each principal).
 */
export async function addUnit(sim: Sim, o: AddUnitOptions): Promise<HookResult[]> {
  const existing = units(sim);
  const created = sim.createUnit();
  o.prepare?.(created, existing.length);
  const unit = created.name;
  sim.state.leader ??= unit;
  const run = new Run(sim);
  await setUp(sim, run, unit);
  for (const { id } of [...sim.state.relations]) {
    const relation = sim.relation(id);
    if (relation.peer) {
      for (const other of existing) {
        await join(run, unit, relation.endpoint, id, other);
        await join(run, other, relation.endpoint, id, unit);
      }
      continue;
    }
    if (isContainer(sim, relation.endpoint)) {
      const next = Math.max(-1, ...Object.keys(relation.remoteUnits).map((u) => Number(u.split('/')[1]))) + 1;
      const subordinate = `${relation.remoteApp}/${next}`;
      relation.remoteUnits[subordinate] = sim.remoteUnitDefaults(relation, unit);
      await join(run, unit, relation.endpoint, id, subordinate);
    } else {
      for (const remote of Object.keys(relation.remoteUnits).filter((u) => !relation.departed.includes(u))) {
        await join(run, unit, relation.endpoint, id, remote);
      }
    }
    await sim.askRemote(id);
  }
  return run.settle();
}

/**
 * The unit leaves: it departs from and breaks each relation, its peers see it depart, then
 * stop and remove run and it is gone. A new leader is elected if it led.
 */
export async function removeUnit(sim: Sim, unit?: string): Promise<HookResult[]> {
  const leaving = unit ?? units(sim).at(-1);
  if (!leaving) throw new InconsistentSimError('no unit to remove');
  sim.unit(leaving);
  const run = new Run(sim);
  const relationIds = sim.state.relations.filter((r) => leaving in r.localUnits).map((r) => r.id);
  for (const id of relationIds) {
    const peer = sim.relation(id).peer;
    await leave(sim, run, leaving, id, () => leaving);
    if (!peer) continue;
    const { endpoint, members } = sim.relation(id);
    for (const [other, seen] of Object.entries(members)) {
      if (other !== leaving && seen.includes(leaving)) {
        await run.hook(other, `${endpoint}-relation-departed`, { relationId: id, remoteUnit: leaving, departingUnit: leaving });
      }
    }
  }
  await run.hook(leaving, 'stop');
  await run.hook(leaving, 'remove');
  sim.dropUnit(leaving);
  for (const id of relationIds) await sim.askRemote(id);
  if (sim.state.leader === leaving) {
    sim.state.leader = units(sim)[0] ?? null;
    if (sim.state.leader) await run.hook(sim.state.leader, 'leader-elected');
  }
  return run.settle();
}

export async function setLeader(sim: Sim, unit: string): Promise<HookResult[]> {
  sim.unit(unit);
  sim.state.leader = unit;
  const run = new Run(sim);
  await run.hook(unit, 'leader-elected');
  return run.settle();
}

/**
 * The unit's network on one endpoint changes (a new address on its machine, `juju bind`). Juju
 * rewrites its own keys (private-address, ingress-address, egress-subnets) in the unit's bag of
 * every relation on that endpoint (the uniter's Unit.UpdateNetworkInfo, api/agent/uniter/unit.go:
 * "updates the network settings for the unit's bound endpoints"), which wakes whoever sees those
 * bags, and runs config-changed on the unit (reference/juju-runtime.md §6.1).
 */
export async function changeNetwork(sim: Sim, unit: string, endpoint: string, info: NetworkInfo): Promise<HookResult[]> {
  checkEndpoint(sim.meta, endpoint, 'any');
  const changed = sim.unit(unit);
  changed.networks[endpoint] = info;
  const rewritten: number[] = [];
  for (const relation of sim.relations(endpoint)) {
    const bag = relation.localUnits[unit];
    if (!bag) continue;
    const next = mergeBag(bag, jujuBagDefaults(ingressAddress(changed, endpoint)));
    if (JSON.stringify(next) === JSON.stringify(bag)) continue;
    relation.localUnits[unit] = next;
    rewritten.push(relation.id);
  }
  sim.save();
  const run = new Run(sim);
  await run.hook(unit, 'config-changed');
  const { events, askRemote } = afterCommit(sim.state, unit, { unitBagsChanged: rewritten, appBagsChanged: [], leaderDataChanged: false });
  for (const event of events) sim.enqueue(event);
  for (const id of askRemote) await sim.askRemote(id);
  return run.settle();
}

async function refresh(sim: Sim, run: Run, unit: string): Promise<void> {
  await run.hook(unit, 'upgrade-charm');
  await run.hook(unit, 'config-changed');
  if (sim.state.leader !== unit) await run.hook(unit, 'leader-settings-changed');
  await run.hook(unit, 'start');
}

/** juju refresh: upgrade-charm → config-changed → leader-settings-changed (non-leaders) → start. */
export async function upgradeCharm(sim: Sim): Promise<HookResult[]> {
  const run = new Run(sim);
  for (const unit of units(sim)) await refresh(sim, run, unit);
  return run.settle();
}

/**
 * juju refresh --switch onto a unit another charm ran (Sim.loadRecording): the refresh hooks,
 * then what follows in the unit's life, an update-status and each relation's -changed for every
 * unit in scope (the next remote change), so every handler sees what the old charm left.
 */
export async function switchCharm(sim: Sim): Promise<HookResult[]> {
  const run = new Run(sim);
  for (const unit of units(sim)) {
    await refresh(sim, run, unit);
    await run.hook(unit, 'update-status');
    for (const { id } of [...sim.state.relations]) {
      const { endpoint, members } = sim.relation(id);
      for (const remoteUnit of members[unit] ?? []) await run.hook(unit, `${endpoint}-relation-changed`, { relationId: id, remoteUnit });
    }
  }
  return run.settle();
}
