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
