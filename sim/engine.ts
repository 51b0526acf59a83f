/**
 * The simulated Juju: runs the built charm for one event at a time as a real process, with the
 * hook tools and (unless in real mode) fake host commands on PATH, then commits the hook's
 * effects as Juju does and queues the hooks those effects cause on other units (peers, leader
 * settings) or asks the remote charms played by the test. The sequence driver (deploy,
 * integrate, ...; driver.ts) and the inspection helpers (inspect.ts) are methods here too.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CallEndpoint, openCallEndpoint } from './call-server.js';
import { type CharmMeta, loadCharmMeta } from './charm-meta.js';
import { commit } from './commit.js';
import { InconsistentSimError, checkAction, checkHookName } from './consistency.js';
import { NOBLE_OS_RELEASE, NOBLE_VERSIONS, hostAddress, ingressAddress, jujuBagDefaults, newUnit, nextAddress } from './defaults.js';
import * as driver from './driver.js';
import { hookEnv } from './hook-env.js';
import * as inspect from './inspect.js';
import { CONTEXT_FILE, type HookInfo } from './protocol.js';
import type { ActionOutcome, HookResult } from './records.js';
import { type QueuedEvent, afterCommit, applyRemoteUpdate, remoteView, sameEvent, stillApplies } from './propagation.js';
import { type Recording, recordedModel, writeRecordedFiles } from './recording.js';
import type { RemoteBehaviour, RemoteUpdate } from './remote.js';
import { charmEntry, runCharm } from './run-charm.js';
import { linkInstalledNode } from './fakes/installed-node.js';
import { type InProcessCharm, runCharmInProcess } from './run-in-process.js';
import { type ConfigValue, type Databag, type NetworkInfo, type Relation, SimState, type Unit } from './state.js';
import { linkFakeCommands, linkHookTools, writeShims } from './tool-bin.js';
import { endHook, readJournalFile, startHook } from './tools/io.js';
import { type ContextExtras, toolContext } from './tool-context.js';

export interface SimOptions {
  /** The built charm: metadata.yaml, config.yaml, actions.yaml, dispatch, dist/. */
  charmDir: string;
  /** Real host: no fake commands on PATH, CHARM_FS_ROOT "/". */
  real?: boolean;
  /** Where the model and the units' dirs live; the model is saved there after every hook and
   * loaded again by the next simulator given the same dir. Default: a fresh temp dir. */
  dir?: string;
  model?: { name: string; uuid: string };
  /** Check config values against config.yaml types (unknown keys are always refused). */
  checkConfigTypes?: boolean;
  /** Simulated hosts run systemd (`run/systemd/system` exists under the fs root). Default true. */
  systemd?: boolean;
  /** /etc/os-release of simulated hosts. Default: Ubuntu 24.04. */
  osRelease?: string;
  /** Versions apt-get installs (and dist-upgrade moves to), over the noble archive's. */
  packageVersions?: Record<string, string>;
  /** Extra hook environment (e.g. JUJU_CHARM_HTTP_PROXY). */
  env?: Record<string, string>;
  hookTimeoutMs?: number;
  /** settle() gives up after this many hooks (a remote and the charm ping-ponging). */
  maxSettleHooks?: number;
  /** Runs each event in this process through the charm's runEvent (run-in-process.ts) instead
   * of starting `dispatch`: for tests where the process boundary is not what is tested. */
  inProcess?: InProcessCharm;
}

export interface HookOptions {
  relationId?: number | string;
  remoteUnit?: string;
  departingUnit?: string;
}

const STATE_FILE = 'state.json';

/** The simulators of this process not yet disposed. */
const live = new Set<Sim>();

/**
 * Disposes every simulator of this process not yet disposed; how many there were. For test
 * files that share a process (vitest's isolate: false): what one file left running must not
 * outlive it, or the call server would stay open for the next.
 */
export function disposeLiveSims(): number {
  const left = [...live];
  for (const sim of left) sim.dispose();
  return left.length;
}

/** "shared-db:7" or 7 → 7. */
export const relationNumber = (id: number | string): number =>
  typeof id === 'number' ? id : Number(id.slice(id.lastIndexOf(':') + 1));

export class Sim {
  readonly charmDir: string;
  readonly real: boolean;
  readonly dir: string;
  readonly meta: CharmMeta;
  readonly checkConfigTypes: boolean;
  state: SimState;
  /** Every hook and action run, in order. */
  readonly history: HookResult[] = [];
  private readonly options: SimOptions;
  private readonly ownsDir: boolean;
  private readonly calls: CallEndpoint;
  private readonly remotes = new Map<string, RemoteBehaviour>();
  private queue: QueuedEvent[] = [];

  constructor(options: SimOptions) {
    this.options = options;
    this.charmDir = resolve(options.charmDir);
    this.real = options.real ?? false;
    this.meta = loadCharmMeta(this.charmDir);
    this.checkConfigTypes = options.checkConfigTypes ?? true;
    this.ownsDir = options.dir === undefined;
    this.dir = options.dir ? resolve(options.dir) : mkdtempSync(join(tmpdir(), 'glance-sim-'));
    mkdirSync(this.dir, { recursive: true });
    const saved = join(this.dir, STATE_FILE);
    this.state = existsSync(saved)
      ? SimState.parse(JSON.parse(readFileSync(saved, 'utf8')))
      : {
          model: options.model ?? { name: 'sim', uuid: randomUUID() },
          app: this.meta.name,
          config: {},
          leader: null,
          leaderData: {},
          appStatus: { status: 'unknown', message: '' },
          units: {},
          relations: [],
          resources: {},
          nextUnitId: 0,
          nextRelationId: 0,
          nextAddress: 10,
        };
    this.calls = openCallEndpoint();
    live.add(this);
    for (const unit of Object.keys(this.state.units)) this.linkTools(unit);
  }

  /** Leaves the call server (a shim still called is refused) and removes the temp dir (not a dir the caller chose). */
  dispose(): void {
    live.delete(this);
    this.calls.close();
    if (this.ownsDir) rmSync(this.dir, { recursive: true, force: true });
  }

  // Model building blocks (used by the sequence driver and by tests arranging a state) --------

  unitDir(unit: string): string {
    return join(this.dir, 'units', unit.replace('/', '-'));
  }

  unit(name: string): Unit {
    const unit = this.state.units[name];
    if (!unit) throw new InconsistentSimError(`no unit "${name}"; units: ${Object.keys(this.state.units).join(', ') || 'none'}`);
    return unit;
  }

  relation(id: number | string): Relation {
    const n = relationNumber(id);
    const relation = this.state.relations.find((r) => r.id === n);
    if (!relation) throw new InconsistentSimError(`no relation ${id}`);
    return relation;
  }

  /** Relations on one endpoint, in creation order. */
  relations(endpoint: string): Relation[] {
    return this.state.relations.filter((r) => r.endpoint === endpoint);
  }

  private get binDir(): string {
    return join(this.dir, 'bin');
  }

  private linkTools(unit: string): void {
    linkHookTools(join(this.unitDir(unit), 'tools'), this.binDir);
    if (!this.real) linkFakeCommands(join(this.unitDir(unit), 'fakes'), this.binDir);
  }

  /**
   * The shims the links point to, written before every hook: the server's port is known only
   * once it listens, and another simulator on the same dir may have written its own since.
   */
  private async writeShims(): Promise<void> {
    writeShims(this.binDir, await this.calls.port, this.calls.token);
  }

  /** A new unit of our application (no hooks run): machine, addresses, fs root, tools. */
  createUnit(): Unit {
    const id = this.state.nextUnitId;
    const name = `${this.state.app}/${id}`;
    this.state.nextUnitId += 1;
    const root = this.real ? '/' : join(this.unitDir(name), 'root');
    const net = this.real ? hostAddress() : { address: nextAddress(this.state), cidr: '10.5.0.0/24', interfaceName: 'eth0' };
    const unit = newUnit({
      name,
      machineId: String(id),
      fsRoot: root,
      ...net,
      versions: { ...NOBLE_VERSIONS, ...this.options.packageVersions },
    });
    this.state.units[name] = unit;
    if (!this.real) {
      mkdirSync(join(root, 'etc'), { recursive: true });
      writeFileSync(join(root, 'etc/os-release'), this.options.osRelease ?? NOBLE_OS_RELEASE);
      if (this.options.systemd ?? true) mkdirSync(join(root, 'run/systemd/system'), { recursive: true });
    }
    this.linkTools(name);
    return unit;
  }

  /**
   * Takes over a recorded unit (recording.ts): its model replaces this one's and the files its
   * charm wrote go under its fs root. Then `switchCharm()` plays `juju refresh --switch`.
   */
  loadRecording(recording: Recording): void {
    if (this.real) throw new InconsistentSimError('a recording is loaded into a simulated host, not the real one');
    const root = join(this.unitDir(recording.state.unit), 'root');
    this.state = recordedModel(recording.state, root);
    writeRecordedFiles(recording.state, recording.files, root);
    for (const unit of Object.keys(this.state.units)) this.linkTools(unit);
    this.save();
  }

  /** A relation with no local unit in it yet (the -created hooks put them in). */
  createRelation(endpoint: string, remoteApp: string, remoteEndpoint = endpoint): Relation {
    const spec = this.meta.endpoints[endpoint];
    if (!spec) throw new InconsistentSimError(`unknown endpoint "${endpoint}"`);
    const relation: Relation = {
      id: this.state.nextRelationId,
      endpoint,
      interface: spec.interface,
      remoteApp,
      remoteEndpoint,
      peer: spec.role === 'peers',
      remoteUnits: {},
      remoteAppData: {},
      localUnits: {},
      localAppData: {},
      members: {},
      departed: [],
    };
    this.state.nextRelationId += 1;
    this.state.relations.push(relation);
    return relation;
  }

  /** Juju's own keys for a remote unit: a subordinate shares its principal's machine address. */
  remoteUnitDefaults(relation: Relation, principal?: string): Databag {
    const container = this.meta.endpoints[relation.endpoint]?.scope === 'container';
    const local = principal ? this.state.units[principal] : undefined;
    return jujuBagDefaults(container && local ? local.privateAddress : nextAddress(this.state));
  }

  remote(app: string, behaviour: RemoteBehaviour): void {
    this.remotes.set(app, behaviour);
  }

  // Running one event -----------------------------------------------------------------------

  /**
   * Runs one hook on one unit and commits it. Hooks it causes elsewhere are queued, not run:
   * settle() runs them (the sequence driver always does).
   */
  async runHook(unitName: string, hook: string, opts: HookOptions = {}): Promise<HookResult> {
    this.unit(unitName);
    const rel = checkHookName(this.meta, hook);
    // The same hook already queued would see nothing newer than this run: Juju coalesces them.
    const relationId = opts.relationId === undefined ? undefined : relationNumber(opts.relationId);
    const thisEvent = { unit: unitName, hook, relationId, remoteUnit: opts.remoteUnit };
    this.queue = this.queue.filter((e) => !sameEvent(e, thisEvent));
    let info: HookInfo = { kind: 'hook', name: hook };
    let relation: Relation | undefined;
    if (rel) {
      if (opts.relationId === undefined) throw new InconsistentSimError(`${hook} needs a relationId`);
      relation = this.relation(opts.relationId);
      if (relation.endpoint !== rel.endpoint) {
        throw new InconsistentSimError(`${hook}: relation ${relation.id} is on endpoint "${relation.endpoint}"`);
      }
      info = { ...info, ...this.enterRelationHook(unitName, relation, rel.event, opts) };
    }
    const result = await this.execute(unitName, info, relation?.endpoint);
    if (rel?.event === 'broken' && relation) this.leaveRelation(unitName, relation.id);
    return result;
  }

  /** Runs an action (params validated, defaults inserted), then settles what it caused. */
  async runAction(unitName: string, name: string, params: Record<string, unknown> = {}): Promise<HookResult> {
    this.unit(unitName);
    const actionParams = checkAction(this.meta, name, params);
    const result = await this.execute(unitName, { kind: 'action', name }, undefined, actionParams);
    await this.settle();
    return result;
  }

  /** Membership changes Juju makes before running a relation hook; the hook's env vars. */
  private enterRelationHook(unit: string, relation: Relation, event: string, opts: HookOptions): Partial<HookInfo> {
    if (event === 'created') {
      relation.localUnits[unit] ??= jujuBagDefaults(ingressAddress(this.unit(unit), relation.endpoint));
      relation.members[unit] ??= [];
    } else if (!(unit in relation.localUnits)) {
      throw new InconsistentSimError(`${unit} is not in relation ${relation.id}: run ${relation.endpoint}-relation-created first`);
    }
    const remoteApp = relation.peer ? this.state.app : relation.remoteApp;
    const base = { relationId: relation.id, remoteApp };
    if (event === 'created' || event === 'broken') return { ...base, remoteUnit: '' };
    const remoteUnit = opts.remoteUnit ?? (event === 'departed' ? opts.departingUnit : undefined);
    if (remoteUnit !== undefined && remoteUnit !== '') {
      const known = relation.peer ? remoteUnit in relation.localUnits : remoteUnit in relation.remoteUnits;
      if (!known) throw new InconsistentSimError(`${remoteUnit} is not a unit of relation ${relation.id}`);
    }
    const members = relation.members[unit] ?? [];
    if (event === 'joined') {
      if (!remoteUnit) throw new InconsistentSimError(`${relation.endpoint}-relation-joined needs a remoteUnit`);
      if (!members.includes(remoteUnit)) relation.members[unit] = [...members, remoteUnit];
    }
    if (event === 'departed') {
      if (!remoteUnit) throw new InconsistentSimError(`${relation.endpoint}-relation-departed needs a remoteUnit`);
      relation.members[unit] = members.filter((m) => m !== remoteUnit);
      return { ...base, remoteUnit, departingUnit: opts.departingUnit ?? remoteUnit };
    }
    return { ...base, remoteUnit: remoteUnit ?? '' };
  }

  /** After -broken the unit is out of the relation; the last one out removes it (not peers). */
  private leaveRelation(unit: string, relationId: number): void {
    const relation = this.relation(relationId);
    delete relation.localUnits[unit];
    delete relation.members[unit];
    if (!relation.peer && Object.keys(relation.localUnits).length === 0) {
      this.state.relations = this.state.relations.filter((r) => r.id !== relation.id);
    }
    this.save();
  }

  private async execute(
    unitName: string,
    hook: HookInfo,
    relationName: string | undefined,
    actionParams?: Record<string, unknown>,
  ): Promise<HookResult> {
    const unit = this.unit(unitName);
    const hookDir = join(this.unitDir(unitName), 'hook');
    rmSync(hookDir, { recursive: true, force: true });
    mkdirSync(hookDir, { recursive: true });
    const extras: ContextExtras = {
      actionParams,
      uid: process.getuid?.() ?? 0,
      gid: process.getgid?.() ?? 0,
      now: new Date().toISOString(),
    };
    const contextText = JSON.stringify(toolContext(this.state, this.meta, unitName, hook, extras));
    writeFileSync(join(hookDir, CONTEXT_FILE), contextText);
    startHook(hookDir, contextText);
    const actionId = hook.kind === 'action' ? randomUUID() : undefined;
    const contextId = `${unitName}-${hook.name}-${randomUUID().slice(0, 8)}`;
    const env = hookEnv({
      unit: unitName,
      machineId: unit.machineId,
      model: this.state.model,
      hook,
      charmDir: this.charmDir,
      hookDir,
      contextId,
      toolsDir: join(this.unitDir(unitName), 'tools'),
      fakesDir: this.real ? undefined : join(this.unitDir(unitName), 'fakes'),
      fsRoot: unit.fsRoot,
      relationName,
      actionId,
      extra: this.options.env,
    });
    const entry = charmEntry(this.charmDir, hook.kind, hook.name);
    await this.writeShims();
    if (!this.real) linkInstalledNode(join(this.unitDir(unitName), 'fakes'), unit.host.packages.nodejs);
    const missing = hook.kind === 'hook' ? 0 : 1;
    const leaveHook = this.calls.enterHook(hookDir, contextId);
    const { inProcess } = this.options;
    const bins = { toolsDir: join(this.unitDir(unitName), 'tools'), fakesDir: this.real ? undefined : join(this.unitDir(unitName), 'fakes') };
    const run = (path: string) =>
      inProcess ? runCharmInProcess(inProcess, this.charmDir, env, bins) : runCharm(path, this.charmDir, env, this.options.hookTimeoutMs ?? 600_000);
    const outcome = entry
      ? await run(entry).finally(() => {
          leaveHook();
          endHook(hookDir);
        })
      : { exitCode: missing, stdout: '', stderr: missing ? `action not implemented on unit "${unitName}"` : '', durationMs: 0 };
    leaveHook();
    endHook(hookDir);
    const succeeded = outcome.exitCode === 0;
    const label = hook.name;
    const c = commit(this.state, unitName, label, readJournalFile(hookDir), succeeded);
    this.state = c.state;
    const after = this.unit(unitName);
    if (hook.kind === 'hook') after.hookError = succeeded ? null : label;
    let action: ActionOutcome | undefined;
    if (hook.kind === 'action') {
      const failed = c.action.failed || !succeeded;
      const message = c.action.failed ? c.action.message : succeeded ? '' : `exit status ${outcome.exitCode}`;
      action = { status: failed ? 'failed' : 'completed', message, results: c.action.results, logs: c.action.logs };
    }
    const result: HookResult = {
      unit: unitName,
      kind: hook.kind,
      hook: hook.name,
      ...(hook.relationId === undefined ? {} : { relationId: hook.relationId }),
      ...(hook.remoteUnit ? { remoteUnit: hook.remoteUnit } : {}),
      ...(hook.departingUnit ? { departingUnit: hook.departingUnit } : {}),
      exitCode: outcome.exitCode,
      stdout: outcome.stdout,
      stderr: outcome.stderr,
      toolCalls: c.toolCalls,
      stateValueBytes: c.stateValueBytes,
      commands: c.commands,
      status: after.status,
      durationMs: outcome.durationMs,
      ...(action ? { action } : {}),
    };
    this.history.push(result);
    this.save();
    const { events, askRemote } = afterCommit(this.state, unitName, c);
    for (const event of events) this.enqueue(event);
    for (const id of askRemote) await this.askRemote(id);
    return result;
  }

  // What a commit causes elsewhere -------------------------------------------------------------

  enqueue(event: QueuedEvent): void {
    if (!this.queue.some((e) => sameEvent(e, event))) this.queue.push(event);
  }

  /** Shows the remote application what it now sees of us and applies its answer. */
  async askRemote(relationId: number): Promise<void> {
    const relation = this.state.relations.find((r) => r.id === relationId);
    const behaviour = relation && this.remotes.get(relation.remoteApp);
    if (!relation || !behaviour) return;
    const update = await behaviour.onChange(remoteView(this.state.app, relation));
    if (update) this.applyRemoteUpdate(relationId, update);
  }

  /** Remote data changes (merged, '' deletes); each changed bag fires -changed on our units that see it. */
  applyRemoteUpdate(relationId: number, update: RemoteUpdate): void {
    for (const event of applyRemoteUpdate(this.relation(relationId), update)) this.enqueue(event);
    this.save();
  }

  /** Runs queued hooks until none are left (bounded: a remote may never stop answering). */
  async settle(): Promise<HookResult[]> {
    const results: HookResult[] = [];
    const limit = this.options.maxSettleHooks ?? 500;
    for (let event = this.queue.shift(); event; event = this.queue.shift()) {
      if (results.length >= limit) {
        const pending = [event, ...this.queue].slice(0, 5).map((e) => `${e.unit} ${e.hook}`);
        this.queue = [];
        throw new Error(`the model did not settle after ${limit} hooks; next: ${pending.join(', ')}`);
      }
      if (!stillApplies(this.state, event)) continue;
      results.push(await this.runHook(event.unit, event.hook, event));
    }
    return results;
  }

  /** Removes a unit from the model (after its stop/remove hooks). */
  dropUnit(name: string): void {
    delete this.state.units[name];
    for (const r of this.state.relations) {
      delete r.localUnits[name];
      delete r.members[name];
      for (const members of Object.values(r.members)) {
        const i = members.indexOf(name);
        if (i !== -1) members.splice(i, 1);
      }
    }
    this.queue = this.queue.filter((e) => e.unit !== name && e.remoteUnit !== name);
    this.save();
  }

  save(): void {
    writeFileSync(join(this.dir, STATE_FILE), JSON.stringify(this.state, null, 1));
  }

  // Sequence driver (driver.ts) -----------------------------------------------------------------

  deploy(o: driver.DeployOptions = {}): Promise<HookResult[]> {
    return driver.deploy(this, o);
  }
  integrate(endpoint: string, remoteApp: string, o: driver.IntegrateOptions = {}): Promise<driver.Integration> {
    return driver.integrate(this, endpoint, remoteApp, o);
  }
  setRemoteData(relationId: number | string, update: RemoteUpdate): Promise<HookResult[]> {
    return driver.setRemoteData(this, relationId, update);
  }
  addRemoteUnit(relationId: number | string, unit: string, data: Databag = {}): Promise<HookResult[]> {
    return driver.addRemoteUnit(this, relationId, unit, data);
  }
  departRemoteUnit(relationId: number | string, unit: string): Promise<HookResult[]> {
    return driver.departRemoteUnit(this, relationId, unit);
  }
  removeRelation(relationId: number | string): Promise<HookResult[]> {
    return driver.removeRelation(this, relationId);
  }
  config(values: Record<string, ConfigValue | null>): Promise<HookResult[]> {
    return driver.config(this, values);
  }
  addUnit(o: driver.AddUnitOptions = {}): Promise<HookResult[]> {
    return driver.addUnit(this, o);
  }
  removeUnit(unit?: string): Promise<HookResult[]> {
    return driver.removeUnit(this, unit);
  }
  setLeader(unit: string): Promise<HookResult[]> {
    return driver.setLeader(this, unit);
  }
  updateStatus(): Promise<HookResult[]> {
    return driver.everyUnit(this, 'update-status');
  }
  upgradeCharm(): Promise<HookResult[]> {
    return driver.upgradeCharm(this);
  }
  switchCharm(): Promise<HookResult[]> {
    return driver.switchCharm(this);
  }

  changeNetwork(unit: string, endpoint: string, info: NetworkInfo): Promise<HookResult[]> {
    return driver.changeNetwork(this, unit, endpoint, info);
  }

  // Inspection (inspect.ts) ---------------------------------------------------------------------

  /** A file under the unit's fs root (path as the charm sees it, e.g. /etc/glance/glance-api.conf); null if absent. */
  readFile(unit: string, path: string): string | null {
    return inspect.readUnitFile(this.unit(unit), path);
  }
  /** What our unit (or with `app`, our application) published on a relation. */
  published(relationId: number | string, unit?: string): Databag {
    return inspect.published(this.relation(relationId), unit);
  }
  status(unit: string): inspect.UnitStatusView {
    return inspect.unitStatus(this.unit(unit));
  }
  /** Commands run, optionally only those named (argv[0]) and on one unit. */
  commands(name?: string, unit?: string): inspect.CommandRecordView[] {
    return inspect.commands(this.history, name, unit);
  }
  /** Tool name → number of calls, over the given results (default: all history). */
  toolCallCounts(results: readonly HookResult[] = this.history): Record<string, number> {
    return inspect.toolCallCounts(results);
  }
  /** Where the time of the given hooks (default: all history) went: tools, commands, the charm. */
  timing(results: readonly HookResult[] = this.history): inspect.Timing {
    return inspect.timing(results);
  }
  logLines(unit: string, level?: string): string[] {
    return inspect.logLines(this.unit(unit), level);
  }
  /** Injects a failure into a fake command on a unit (see FailureRule). */
  failCommand(unit: string, rule: inspect.FailureSpec): void {
    inspect.addFailure(this.unit(unit), rule);
    this.save();
  }
}
