/**
 * Actions (`juju run glance/0 <name>`): name → handler. A handler reports through action-set,
 * and an expected failure through action-fail with a clear message (the entry point turns an
 * unexpected error into action-fail too, so an action never leaves the unit in error).
 */
import type { HookTools } from '../juju/tools.js';
import type { HookContext, Snapshot } from '../snapshot.js';

export type ActionHandler = (ctx: { hook: HookContext; tools: HookTools; snapshot: () => Promise<Snapshot> }) => Promise<void>;

export const ACTIONS: Record<string, ActionHandler> = {};

export async function runAction(hook: HookContext, tools: HookTools, snapshot: () => Promise<Snapshot>): Promise<void> {
  const handler = ACTIONS[hook.name];
  if (!handler) {
    await tools.actionFail(`Action ${hook.name} undefined`);
    return;
  }
  await handler({ hook, tools, snapshot });
}
