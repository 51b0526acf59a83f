/**
 * pause / resume handlers (reference pause_unit / resume_unit). Each service is handled on its
 * own, so one that refuses does not keep the others running. The unit counts as paused even
 * when a service did not stop (no hook may start anything now; the status then says which
 * service still runs), and as resumed even when one did not start (the next hook tries again);
 * the action fails with `Couldn't pause: ...` / `Couldn't resume: ...` naming what went wrong.
 */
import { expectedServices } from '../model/services.js';
import type { Effect } from '../plan.js';
import { pauseEffects, resumeEffects, servicesToControl } from '../steps/pause-resume.js';
import type { ActionContext, ActionHandler } from './index.js';

const errorLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';

async function filterAsync(names: string[], pred: (n: string) => Promise<boolean>): Promise<string[]> {
  const keep = await Promise.all(names.map(pred));
  return names.filter((_, i) => keep[i]);
}

/** Applies each service's effects separately; the failures, one line each. */
async function perService(ctx: ActionContext, effects: Effect[]): Promise<string[]> {
  const byService = new Map<string, Effect[]>();
  for (const e of effects) if (e.kind === 'service') byService.set(e.service, [...(byService.get(e.service) ?? []), e]);
  const problems: string[] = [];
  for (const serviceEffects of byService.values()) {
    await ctx.apply({ effects: serviceEffects }).catch((err: unknown) => problems.push(errorLine(err)));
  }
  return problems;
}

export const pause: ActionHandler = async (ctx) => {
  const { d } = await ctx.read();
  const problems = await perService(ctx, pauseEffects(d));
  const running = await filterAsync(servicesToControl(d), ctx.serviceRunning);
  if (running.length) problems.push(`services still running: ${running.join(', ')}`);
  // Read again (services stopped) as the paused unit the reconcile then remembers.
  await ctx.reconcile(await ctx.read((after) => ({ ...after, memory: { ...after.memory, paused: true } })), true);
  if (problems.length) await ctx.tools.actionFail(`Couldn't pause: ${problems.join('; ')}`);
};

export const resume: ActionHandler = async (ctx) => {
  const before = await ctx.read();
  const problems = await perService(ctx, resumeEffects(before.d));
  // Forget the pause first: if a start fails below, the next hook still starts what should run.
  const { paused: _paused, ...memory } = before.snap.memory;
  await ctx.apply({ effects: [{ kind: 'memory', memory }] });
  const after = await ctx.read();
  // The reconcile starts every service that should run and is not running.
  await ctx.reconcile(after, true).catch((err: unknown) => problems.push(errorLine(err)));
  const down = await filterAsync(expectedServices(after.d), async (s) => !(await ctx.serviceRunning(s)));
  if (down.length) problems.push(`services not running: ${down.join(', ')}`);
  if (problems.length) await ctx.tools.actionFail(`Couldn't resume: ${problems.join('; ')}`);
};
