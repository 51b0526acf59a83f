/**
 * What passes between the engine and the calls of hook tools and fake commands during one hook.
 * The engine writes a ToolContext (this unit's view of the model) to `<hook dir>/context.json`;
 * each call (tools/call.ts, fakes/call.ts) reads it, folds in the journal of what earlier calls
 * in the same hook did, answers, and appends its own entries to `<hook dir>/journal.jsonl`.
 * After the hook the engine reads the journal and commits: immediate entries always, buffered
 * ones only when the hook exited 0 (reference/juju-runtime.md §1.2).
 */
import type { ConfigValue, Databag, HostState, LogLevel, NetworkInfo, Status } from './state.js';

export const CONTEXT_FILE = 'context.json';
export const JOURNAL_FILE = 'journal.jsonl';

export interface HookInfo {
  kind: 'hook' | 'action';
  /** Hook name ("install", "shared-db-relation-changed") or action name. */
  name: string;
  relationId?: number;
  remoteUnit?: string;
  remoteApp?: string;
  departingUnit?: string;
}

export interface RelationView {
  id: number;
  endpoint: string;
  remoteApp: string;
  /** "glance:shared-db mysql:shared-db", as Juju names a relation in errors. */
  key: string;
  peer: boolean;
  /** True during this relation's -broken hook: left out of relation-ids, no members. */
  broken: boolean;
  /** What relation-list answers for this unit. */
  members: string[];
  /** Every unit bag readable on this relation: ours, our peers', remote (departed included). */
  unitBags: Record<string, Databag>;
  localAppBag: Databag;
  remoteAppBag: Databag;
}

export interface GoalEntry {
  status: string;
  since: string;
}

export interface ToolContext {
  unit: string;
  app: string;
  leader: boolean;
  hook: HookInfo;
  /** Parameters with actions.yaml defaults inserted (actions only). */
  actionParams?: Record<string, unknown>;
  /** Every option of config.yaml: set value, else default, else null. */
  config: Record<string, ConfigValue | null>;
  /** Endpoint names of the charm (relation-ids of an unknown endpoint is simply empty). */
  endpoints: string[];
  relations: RelationView[];
  /** Names network-get accepts. */
  bindings: string[];
  networks: Record<string, NetworkInfo>;
  defaultNetwork: NetworkInfo;
  privateAddress: string;
  publicAddress: string;
  unitState: Databag;
  leaderData: Databag;
  unitStatus: Status;
  appStatus: Status;
  /** Workload status of every unit of the application (status-get --application). */
  unitStatuses: Record<string, Status>;
  workloadVersion: string;
  openedPorts: string[];
  resources: Record<string, string>;
  goalState: { units: Record<string, GoalEntry>; relations: Record<string, Record<string, GoalEntry>> };
  fsRoot: string;
  host: HostState;
  /** uid/gid that getent answers for every known account (the simulator's own). */
  uid: number;
  gid: number;
}

/** A change a fake command made to the machine; the host is not transactional, so it always lands. */
export type HostChange =
  | { k: 'install'; packages: Record<string, string> }
  | { k: 'remove'; packages: string[] }
  | { k: 'service'; name: string; running?: boolean; enabled?: boolean; masked?: boolean }
  | { k: 'failure-used'; id: string };

export type ActionValue = string | { [key: string]: ActionValue };

export type JournalEntry =
  /** Every hook tool call. */
  | { k: 'call'; tool: string; argv: string[]; exitCode: number; startMs: number; endMs: number }
  /** Every fake command call. */
  | { k: 'command'; argv: string[]; stdin?: string; exitCode: number; startMs: number; endMs: number }
  // Buffered: committed only when the hook exits 0.
  | { k: 'relation-set'; relationId: number; app: boolean; data: Databag }
  | { k: 'open-port' | 'close-port'; port: string }
  | { k: 'state-set'; data: Databag }
  | { k: 'state-delete'; key: string }
  // Immediate.
  | { k: 'status'; app: boolean; status: Status }
  | { k: 'version'; version: string }
  | { k: 'log'; level: LogLevel; message: string }
  | { k: 'leader-set'; data: Databag }
  | { k: 'action-set'; data: Record<string, ActionValue> }
  | { k: 'action-fail'; message: string }
  | { k: 'action-log'; message: string }
  | { k: 'host'; change: HostChange };

export type JournalKind = JournalEntry['k'];

export const BUFFERED_KINDS: ReadonlySet<JournalKind> = new Set([
  'relation-set',
  'open-port',
  'close-port',
  'state-set',
  'state-delete',
]);
