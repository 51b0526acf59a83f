/**
 * The only code that runs Juju hook tools (design §2). One instance per hook:
 * - reads are cached, so the same question costs one process per hook;
 * - relation and unit-state writes are buffered and merged, so each databag gets one
 *   `relation-set --file -` and the unit state one `state-set --file -`, sent by flush();
 * - data that may hold secrets goes on stdin, never in argv, and never into error messages.
 */
import type { z } from 'zod';
import { type ProcessResult, howItEnded, spawnProcess } from '../host/spawn.js';
import type { Databag, Network } from '../snapshot.js';
import {
  ActionParamsOutput,
  AppNameOutput,
  BoolOutput,
  ConfigOutput,
  DatabagOutput,
  type GoalState,
  GoalStateOutput,
  NetworkGetOutput,
  StringListOutput,
  StringOutput,
} from './tool-output.js';

export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';
export type SettableStatus = 'active' | 'blocked' | 'waiting' | 'maintenance';

/** A hook tool that failed: `relation-get failed (exit 2): ERROR relation not found`. */
export class HookToolError extends Error {
  override readonly name = 'HookToolError';
  constructor(
    readonly tool: string,
    /** As run: what may hold a secret goes on stdin, never in argv. */
    readonly argv: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
    message: string,
  ) {
    super(message);
  }
}

/** Juju's answer to `-r` with a relation the unit agent does not know (removed, or never there). */
export const isRelationNotFound = (error: unknown): boolean =>
  error instanceof HookToolError && error.exitCode === 2 && error.stderr.includes('relation not found');

interface CallOptions {
  input?: string;
}

/** Relation ids come as "shared-db:7" or "7"; Juju only looks at the number. */
const relationNumber = (relationId: string): string => relationId.slice(relationId.lastIndexOf(':') + 1);

const keyValues = (data: Record<string, string>): string[] => Object.entries(data).map(([k, v]) => `${k}=${v}`);

export class HookTools {
  private readonly reads = new Map<string, Promise<unknown>>();
  private readonly relationWrites = new Map<string, { relationId: string; app: boolean; data: Databag }>();
  private stateWrites: Databag = {};
  private calls = 0;
  private ms = 0;

  /** Tool processes run by this instance and the time spent in them (for CHARM_TOOL_STATS). */
  get totals(): { calls: number; toolMs: number } {
    return { calls: this.calls, toolMs: Math.round(this.ms) };
  }

  // Reads ------------------------------------------------------------------------------------

  configGet(): Promise<Record<string, unknown>> {
    return this.read(['config-get', '--format=json'], ConfigOutput);
  }

  isLeader(): Promise<boolean> {
    return this.read(['is-leader', '--format=json'], BoolOutput);
  }

  relationIds(endpoint: string): Promise<string[]> {
    return this.read(['relation-ids', '--format=json', endpoint], StringListOutput);
  }

  /** Remote units in scope (for a peer relation: the other peers). */
  relationList(relationId: string): Promise<string[]> {
    return this.read(['relation-list', '--format=json', '-r', relationId], StringListOutput);
  }

  /** The remote application's name ('' when Juju does not know it). */
  relationListApp(relationId: string): Promise<string> {
    return this.read(['relation-list', '--format=json', '-r', relationId, '--app'], AppNameOutput);
  }

  /** A whole databag in one call: a unit's (target = unit name) or, with app, an application's. */
  /** Leader settings, where the Python charm kept `db-initialised` (read after a switch). */
  leaderGet(): Promise<Databag> {
    return this.read(['leader-get', '--format=json'], DatabagOutput);
  }

  relationGet(relationId: string, target: string, { app = false } = {}): Promise<Databag> {
    const argv = ['relation-get', '--format=json', '-r', relationId, ...(app ? ['--app'] : []), '-', target];
    return this.read(argv, DatabagOutput);
  }

  unitGet(key: 'private-address' | 'public-address'): Promise<string> {
    return this.read(['unit-get', '--format=json', key], StringOutput);
  }

  /** The binding's addresses; null when Juju has no network config for it. */
  networkGet(binding: string): Promise<Network | null> {
    return this.cached(`network-get ${binding}`, async () => {
      const argv = ['network-get', '--format=json', binding];
      const r = await this.call(argv);
      if (r.exitCode !== 0 && r.stderr.includes('no network config found')) return null;
      return this.parse('network-get', this.check(argv, r), NetworkGetOutput);
    });
  }

  goalState(): Promise<GoalState> {
    return this.read(['goal-state', '--format=json'], GoalStateOutput);
  }

  /** Unit state as committed by earlier hooks (this hook's writes wait in the buffer). */
  stateGet(): Promise<Databag> {
    return this.read(['state-get', '--format=json'], DatabagOutput);
  }

  actionGet(): Promise<Record<string, unknown>> {
    return this.read(['action-get', '--format=json'], ActionParamsOutput);
  }

  /** Local path of a charm resource; null when it cannot be had (not attached, store unreachable). */
  resourceGet(name: string): Promise<string | null> {
    return this.cached(`resource-get ${name}`, async () => {
      const argv = ['resource-get', name];
      const r = await this.call(argv);
      if (r.exitCode === 1) return null;
      return this.check(argv, r).trim() || null;
    });
  }

  // Buffered writes (sent by flush) --------------------------------------------------------

  /** Merged with earlier writes to the same databag; '' deletes a key (Juju semantics). */
  relationSet(relationId: string, data: Databag, { app = false } = {}): void {
    const key = `${app ? 'app' : 'unit'} ${relationNumber(relationId)}`;
    const pending = this.relationWrites.get(key) ?? { relationId, app, data: {} };
    Object.assign(pending.data, data);
    this.relationWrites.set(key, pending);
  }


  stateSet(data: Databag): void {
    Object.assign(this.stateWrites, data);
  }

  /**
   * Sends the buffered writes: one relation-set per databag, then the unit state. Juju commits
   * them only if the hook exits 0. Later reads go back to the tools, which then see these writes.
   */
  async flush(): Promise<void> {
    const relationWrites = [...this.relationWrites.values()];
    const stateWrites = this.stateWrites;
    this.relationWrites.clear();
    this.stateWrites = {};
    for (const w of relationWrites) {
      const argv = ['relation-set', '-r', w.relationId, ...(w.app ? ['--app'] : []), '--file', '-'];
      await this.run(argv, { input: JSON.stringify(w.data) });
    }
    if (Object.keys(stateWrites).length > 0) {
      await this.run(['state-set', '--file', '-'], { input: JSON.stringify(stateWrites) });
    }
    this.reads.clear();
  }

  // Immediate calls --------------------------------------------------------------------------

  async jujuLog(level: LogLevel, message: string): Promise<void> {
    await this.run(['juju-log', '--log-level', level, '--', message]);
  }

  async statusSet(status: SettableStatus, message: string): Promise<void> {
    await this.run(['status-set', status, '--', message]);
  }

  async applicationVersionSet(version: string): Promise<void> {
    await this.run(['application-version-set', '--', version]);
  }

  async openPort(port: number): Promise<void> {
    await this.run(['open-port', `${port}/tcp`]);
  }

  async actionSet(data: Record<string, string>): Promise<void> {
    if (Object.keys(data).length === 0) return;
    await this.run(['action-set', ...keyValues(data)]);
  }

  async actionFail(message: string): Promise<void> {
    await this.run(['action-fail', '--', message]);
  }

  // Mechanics --------------------------------------------------------------------------------

  private read<S extends z.ZodTypeAny>(argv: string[], schema: S): Promise<z.output<S>> {
    return this.cached(argv.join('\0'), async () => this.parse(argv[0] ?? '', await this.run(argv), schema));
  }

  /** One promise per question, shared by concurrent callers; a failure is not remembered. */
  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.reads.get(key);
    if (hit) return hit as Promise<T>;
    const p = load();
    this.reads.set(key, p);
    p.catch(() => {
      if (this.reads.get(key) === p) this.reads.delete(key);
    });
    return p;
  }

  private parse<S extends z.ZodTypeAny>(tool: string, stdout: string, schema: S): z.output<S> {
    let json: unknown;
    try {
      json = stdout.trim() === '' ? null : JSON.parse(stdout);
    } catch {
      throw new Error(`${tool} printed output that is not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${tool} printed unexpected JSON: ${issue?.path.join('.') || '(top)'}: ${issue?.message}`);
    }
    return parsed.data;
  }

  private async run(argv: string[], opts: CallOptions = {}): Promise<string> {
    return this.check(argv, await this.call(argv, opts));
  }

  private async call(argv: string[], opts: CallOptions = {}): Promise<ProcessResult> {
    const r = await spawnProcess(argv, { input: opts.input });
    this.calls += 1;
    this.ms += r.ms;
    return r;
  }

  private check(argv: string[], r: ProcessResult): string {
    if (r.exitCode === 0) return r.stdout;
    const tool = argv[0] ?? '';
    throw new HookToolError(tool, argv, r.exitCode, r.stderr, `${tool} failed ${howItEnded(r)}`);
  }
}
