/**
 * Per-hook cost figures for the benchmark: when $CHARM_TOOL_STATS names a file, one JSON line per
 * hook is appended to it. Written synchronously so the entry point can call it on its way out.
 */
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { commandTotals } from '../host/run.js';
import { childBusyMs } from '../host/spawn.js';
import type { HookTools } from './tools.js';

export interface ToolStats {
  hook: string;
  /** Hook tool processes and the ms spent in them (summed: reads run side by side). */
  calls: number;
  toolMs: number;
  /** Host command processes and the ms spent in them (summed). */
  commands: number;
  commandMs: number;
  /** Since the process started, Node's own start-up included. */
  wallMs: number;
  /** From the process start to the first line of main: Node's start-up and the bundle's loading. */
  startupMs: number;
  /** Wall time during which no hook tool or host command was running: what the charm itself
   * costs the hook (the union of the children's intervals is taken out, not their sum). */
  ownMs: number;
  /** Peak resident set size of the charm process, in KiB. */
  maxRssKb: number;
  /** CPU time of the charm process itself (user + system, children excluded). */
  cpuMs: number;
}

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
};

/** performance.now() at main's first line; its clock starts with the process (performance.timeOrigin). */
let startupMs = 0;

/** Called first thing by main: everything before it is Node's start-up and the bundle's loading. */
export function recordStartup(): void {
  startupMs = performance.now();
}

function toolStats(hook: string, tools: HookTools): ToolStats {
  const wallMs = performance.now();
  return {
    hook,
    ...tools.totals,
    ...commandTotals(),
    wallMs: Math.round(wallMs),
    startupMs: Math.round(startupMs),
    ownMs: Math.round(wallMs - childBusyMs()),
    maxRssKb: process.resourceUsage().maxRSS,
    cpuMs: cpuMs(),
  };
}

export function writeToolStats(hook: string, tools: HookTools, env: NodeJS.ProcessEnv = process.env): void {
  const file = env.CHARM_TOOL_STATS;
  if (file) appendFileSync(file, `${JSON.stringify(toolStats(hook, tools))}\n`);
}
