/**
 * The end of a hook, as Juju does it: immediate effects (status, version, logs, leader data,
 * action results, and anything fake commands did to the machine) always land; relation data,
 * ports and unit state land only when the hook exited 0 (reference/juju-runtime.md §1.2).
 */
import { applyHostChange, mergeBag } from './fold.js';
import type { ActionValue, JournalEntry } from './protocol.js';
import { BUFFERED_KINDS } from './protocol.js';
import type { ActionOutcome, CommandRecord, ToolCall } from './records.js';
import type { Databag, SimState } from './state.js';

export interface CommitOutcome {
  state: SimState;
  /** Relations whose databag of this unit changed. */
  unitBagsChanged: number[];
  /** Relations whose application databag (ours) changed. */
  appBagsChanged: number[];
  leaderDataChanged: boolean;
  toolCalls: ToolCall[];
  commands: CommandRecord[];
  /** Bytes of the largest value written by state-set, committed or not. */
  stateValueBytes: number;
  action: Omit<ActionOutcome, 'status'> & { failed: boolean };
}

const sameBag = (a: Databag, b: Databag): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

function mergeResults(into: Record<string, ActionValue>, data: Record<string, ActionValue>): void {
  for (const [k, v] of Object.entries(data)) {
    const current = into[k];
    if (typeof v === 'object' && typeof current === 'object') mergeResults(current, v);
    else into[k] = v;
  }
}

export function commit(
  before: SimState,
  unitName: string,
  hook: string,
  entries: readonly JournalEntry[],
  succeeded: boolean,
): CommitOutcome {
  const state = structuredClone(before);
  const unit = state.units[unitName];
  if (!unit) throw new Error(`no unit ${unitName}`);
  const out: CommitOutcome = {
    state,
    unitBagsChanged: [],
    appBagsChanged: [],
    leaderDataChanged: false,
    toolCalls: [],
    commands: [],
    stateValueBytes: 0,
    action: { failed: false, message: '', results: {}, logs: [] },
  };
  for (const e of entries) {
    if (e.k === 'state-set') out.stateValueBytes = Math.max(out.stateValueBytes, ...Object.values(e.data).map((v) => Buffer.byteLength(v)));
    if (BUFFERED_KINDS.has(e.k) && !succeeded) continue;
    switch (e.k) {
      case 'call':
        out.toolCalls.push({ unit: unitName, hook, tool: e.tool, argv: e.argv, exitCode: e.exitCode, startMs: e.startMs, endMs: e.endMs });
        break;
      case 'command':
        out.commands.push({ unit: unitName, hook, argv: e.argv, ...(e.stdin === undefined ? {} : { stdin: e.stdin }), exitCode: e.exitCode, startMs: e.startMs, endMs: e.endMs });
        break;
      case 'relation-set': {
        const relation = state.relations.find((r) => r.id === e.relationId);
        if (!relation) break;
        if (e.app) relation.localAppData = mergeBag(relation.localAppData, e.data);
        else relation.localUnits[unitName] = mergeBag(relation.localUnits[unitName] ?? {}, e.data);
        break;
      }
      case 'open-port':
        if (!unit.openedPorts.includes(e.port)) unit.openedPorts = [...unit.openedPorts, e.port].sort();
        break;
      case 'close-port':
        unit.openedPorts = unit.openedPorts.filter((p) => p !== e.port);
        break;
      case 'state-set':
        unit.state = { ...unit.state, ...e.data };
        break;
      case 'state-delete':
        delete unit.state[e.key];
        break;
      case 'status':
        if (e.app) state.appStatus = e.status;
        else {
          unit.status = e.status;
          unit.statusHistory.push({ ...e.status, hook });
        }
        break;
      case 'version':
        unit.workloadVersion = e.version;
        break;
      case 'log':
        unit.log.push({ level: e.level, message: e.message, hook });
        break;
      case 'leader-set':
        state.leaderData = mergeBag(state.leaderData, e.data);
        break;
      case 'action-set':
        mergeResults(out.action.results, e.data);
        break;
      case 'action-fail':
        out.action.failed = true;
        out.action.message = e.message;
        break;
      case 'action-log':
        out.action.logs.push(e.message);
        break;
      case 'host':
        unit.host = applyHostChange(unit.host, e.change);
        break;
    }
  }
  for (const relation of state.relations) {
    const old = before.relations.find((r) => r.id === relation.id);
    if (!old) continue;
    if (!sameBag(old.localUnits[unitName] ?? {}, relation.localUnits[unitName] ?? {})) out.unitBagsChanged.push(relation.id);
    if (!sameBag(old.localAppData, relation.localAppData)) out.appBagsChanged.push(relation.id);
  }
  out.leaderDataChanged = !sameBag(before.leaderData, state.leaderData);
  return out;
}
