/**
 * The fixture charm (fixtures/charm) and how tests drive it: a plan of steps per event (hook
 * tools or host commands to run), and the records it leaves (events with their environment,
 * and every step's argv, exit code, stdout and stderr).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Sim, type SimOptions } from '../../../sim/engine.js';

export const FIXTURE_CHARM = fileURLToPath(new URL('./fixtures/charm', import.meta.url));

export type Step = { run: string[]; input?: string } | { exit: number };
/** Steps by event: "unit event" (e.g. "glance/1 install"), then "event", then "*". */
export type Plan = Record<string, Step[]>;

export interface EventRecord {
  unit: string;
  event: string;
  env: Record<string, string>;
}

export interface CallRecord {
  unit: string;
  event: string;
  argv: string[];
  code: number;
  stdout: string;
  stderr: string;
}

export class Fixture {
  readonly out = mkdtempSync(join(tmpdir(), 'sim-fixture-'));
  readonly sim: Sim;

  constructor(options: Partial<SimOptions> = {}) {
    this.sim = new Sim({ charmDir: FIXTURE_CHARM, ...options, env: { FIXTURE_OUT: this.out, FIXTURE_NODE: process.execPath, ...options.env } });
  }

  plan(plan: Plan): void {
    writeFileSync(join(this.out, 'plan.json'), JSON.stringify(plan));
  }

  private records<T>(file: string): T[] {
    const path = join(this.out, file);
    if (!existsSync(path)) return [];
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as T);
  }

  events(): EventRecord[] {
    return this.records('events.jsonl');
  }

  /** "glance/0 install" lines, in the order the hooks ran. */
  eventLines(): string[] {
    return this.events().map((e) => `${e.unit} ${e.event}`);
  }

  calls(): CallRecord[] {
    return this.records('calls.jsonl');
  }

  /** The call records of one event, after clearing older ones. */
  lastCalls(event: string): CallRecord[] {
    return this.calls().filter((c) => c.event === event);
  }

  reset(): void {
    rmSync(join(this.out, 'calls.jsonl'), { force: true });
    rmSync(join(this.out, 'events.jsonl'), { force: true });
  }

  dispose(): void {
    this.sim.dispose();
    rmSync(this.out, { recursive: true, force: true });
  }
}

/** A step running a tool or command. */
export const run = (...argv: string[]): Step => ({ run: argv });
export const runWithInput = (input: string, ...argv: string[]): Step => ({ run: argv, input });

/** The record of the step whose argv is exactly this (the first, if run more than once). */
export function call(records: readonly CallRecord[], ...argv: string[]): CallRecord {
  const found = records.find((r) => r.argv.length === argv.length && r.argv.every((a, i) => a === argv[i]));
  if (!found) throw new Error(`no call ${argv.join(' ')} among:\n${records.map((r) => r.argv.join(' ')).join('\n')}`);
  return found;
}

/** Parsed JSON stdout of a step that must have succeeded. */
export function json(record: CallRecord): unknown {
  if (record.code !== 0) throw new Error(`${record.argv.join(' ')} exited ${record.code}: ${record.stderr}`);
  return JSON.parse(record.stdout);
}

/** For beforeAll blocks that run several hooks (each tool call is a process). */
export const HOOKS_TIMEOUT = 180_000;
