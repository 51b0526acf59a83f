/** Read-only views of the model and the run history for assertions, plus failure injection. */
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandRecord, HookResult } from './records.js';
import type { Databag, Relation, Status, StatusChange, Unit } from './state.js';

/** A regular file's content under the unit's fs root; null when there is no such file. */
export function readUnitFile(unit: Unit, path: string): string | null {
  const full = join(unit.fsRoot, path);
  return statSync(full, { throwIfNoEntry: false })?.isFile() ? readFileSync(full, 'utf8') : null;
}

/** A unit's bag on the relation, or (no unit) our application bag. */
export function published(relation: Relation, unit?: string): Databag {
  return unit === undefined ? relation.localAppData : (relation.localUnits[unit] ?? {});
}

export interface UnitStatusView extends Status {
  history: StatusChange[];
  workloadVersion: string;
  openedPorts: string[];
  /** The hook that failed last, until a hook succeeds again (juju status: "error"). */
  hookError: string | null;
}

export function unitStatus(unit: Unit): UnitStatusView {
  return {
    ...unit.status,
    history: unit.statusHistory,
    workloadVersion: unit.workloadVersion,
    openedPorts: unit.openedPorts,
    hookError: unit.hookError,
  };
}

export type CommandRecordView = CommandRecord;

export function commands(history: readonly HookResult[], name?: string, unit?: string): CommandRecord[] {
  return history
    .flatMap((r) => r.commands)
    .filter((c) => (name === undefined || c.argv[0] === name) && (unit === undefined || c.unit === unit));
}

export function toolCallCounts(results: readonly HookResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of results.flatMap((r) => r.toolCalls)) counts[call.tool] = (counts[call.tool] ?? 0) + 1;
  return counts;
}

export function logLines(unit: Unit, level?: string): string[] {
  return unit.log.filter((l) => level === undefined || l.level === level).map((l) => l.message);
}

export interface FailureSpec {
  command: string;
  /** Regular expression tested against argv joined by spaces (command name included). */
  match?: string;
  exitCode?: number;
  stderr?: string;
  stdout?: string;
  /** How many calls fail (default 1); 'always' never stops. */
  times?: number | 'always';
}

export function addFailure(unit: Unit, spec: FailureSpec): void {
  unit.host.failures.push({
    id: randomUUID(),
    command: spec.command,
    ...(spec.match === undefined ? {} : { match: spec.match }),
    exitCode: spec.exitCode ?? 1,
    stderr: spec.stderr ?? `${spec.command}: simulated failure\n`,
    stdout: spec.stdout ?? '',
    remaining: spec.times === 'always' ? null : (spec.times ?? 1),
  });
}

export interface Timing {
  hooks: number;
  /** Wall time of the charm processes. */
  totalMs: number;
  toolCalls: number;
  /** Wall time during which at least one hook tool ran (concurrent calls counted once). */
  toolMs: number;
  commands: number;
  commandMs: number;
  /** The rest: the charm's own time (node start-up, reading, deciding, writing files). */
  charmMs: number;
}

/** Total length of a set of intervals, overlaps counted once. */
function covered(intervals: readonly (readonly [number, number])[]): number {
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [s, e] of [...intervals].sort((a, b) => a[0] - b[0])) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

/** Where the hooks' time went, for the benchmark: inside hook tools, host commands, or the charm. */
export function timing(results: readonly HookResult[]): Timing {
  const span = (xs: readonly { startMs: number; endMs: number }[]) => xs.map((x) => [x.startMs, x.endMs] as const);
  const totalMs = results.reduce((a, r) => a + r.durationMs, 0);
  const perHook = results.map((r) => ({
    tools: covered(span(r.toolCalls)),
    commands: covered(span(r.commands)),
    both: covered([...span(r.toolCalls), ...span(r.commands)]),
  }));
  return {
    hooks: results.length,
    totalMs,
    toolCalls: results.reduce((a, r) => a + r.toolCalls.length, 0),
    toolMs: perHook.reduce((a, h) => a + h.tools, 0),
    commands: results.reduce((a, r) => a + r.commands.length, 0),
    commandMs: perHook.reduce((a, h) => a + h.commands, 0),
    charmMs: Math.max(0, totalMs - perHook.reduce((a, h) => a + h.both, 0)),
  };
}
