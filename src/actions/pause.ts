import { decide } from '../model/decide.js';
import { PAUSED_MESSAGE } from '../model/status.js';
import { expectedServices } from '../reconcile/services.js';
import type { ActionHandler } from './index.js';
import { pauseEffects, resumeEffects, servicesToControl } from './pause-resume.js';

async function filterAsync(names: string[], pred: (n: string) => Promise<boolean>): Promise<string[]> {
  const keep = await Promise.all(names.map(pred));
  return names.filter((_, i) => keep[i]);
}

export const pause: ActionHandler = async (ctx) => {
  const snap = await ctx.snapshot();
  await ctx.apply({ effects: pauseEffects(snap) });
  const running = await filterAsync(servicesToControl(snap), ctx.serviceRunning);
  if (running.length) {
    await ctx.tools.actionFail(`Couldn't pause: services still running: ${running.join(', ')}`);
    return;
  }
  const memory = { ...snap.memory, paused: true, lastStatus: { status: 'maintenance', message: PAUSED_MESSAGE } };
  await ctx.apply({ effects: [{ kind: 'memory', memory }, { kind: 'status', status: 'maintenance', message: PAUSED_MESSAGE }] });
};

export const resume: ActionHandler = async (ctx) => {
  const before = await ctx.snapshot();
  await ctx.apply({ effects: resumeEffects(before) });
  const snap = await ctx.snapshot();
  const unpaused = { ...snap, memory: { ...snap.memory, paused: false } };
  // The reconcile starts every service that should run and is not running.
  await ctx.reconcile(unpaused, true);
  const down = await filterAsync(expectedServices(decide(unpaused)), async (s) => !(await ctx.serviceRunning(s)));
  if (down.length) await ctx.tools.actionFail(`Couldn't resume: services not running: ${down.join(', ')}`);
};
