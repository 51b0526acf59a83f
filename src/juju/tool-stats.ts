/**
 * Per-hook cost figures for the benchmark: when $CHARM_TOOL_STATS names a file, one JSON line per
 * hook is appended to it. Written synchronously so the entry point can call it on its way out.
 */
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { commandTotals } from '../host/run.js';
import type { HookTools } from './tools.js';

export interface ToolStats {
  hook: string;
  /** Hook tool processes and the ms spent in them. */
  calls: number;
  toolMs: number;
  /** Host command processes and the ms spent in them. */
  commands: number;
  commandMs: number;
  /** Since the process started, Node's own start-up included. */
  wallMs: number;
  /** Peak resident set size of the charm process, in KiB. */
  maxRssKb: number;
  /** CPU time of the charm process itself (user + system, children excluded): its own cost. Wall
   * minus tool time is no measure, since host commands run side by side. */
  cpuMs: number;
}

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
};

function toolStats(hook: string, tools: HookTools): ToolStats {
  return { hook, ...tools.totals, ...commandTotals(), wallMs: Math.round(performance.now()), maxRssKb: process.resourceUsage().maxRSS, cpuMs: cpuMs() };
}

export function writeToolStats(hook: string, tools: HookTools, env: NodeJS.ProcessEnv = process.env): void {
  const file = env.CHARM_TOOL_STATS;
  if (file) appendFileSync(file, `${JSON.stringify(toolStats(hook, tools))}\n`);
}
