/**
 * Actions (`juju run glance/0 <name>`): name → handler. A handler reports through action-set,
 * and an expected failure through action-fail with a clear message (the entry point turns an
 * unexpected error into action-fail too, so an action never leaves the unit in error).
 */
import type { HookTools } from '../juju/tools.js';
import type { Decision } from '../model/decide.js';
import type { Plan } from '../plan.js';
import type { HookContext, Snapshot } from '../snapshot.js';
import { openstackUpgrade } from './openstack-upgrade.js';
import { pause, resume } from './pause.js';
import { securityChecklistAction } from './security-checklist.js';

/** A snapshot and its one Decision: an action reads again only after its effects changed the host. */
export interface Reading {
  snap: Snapshot;
  d: Decision;
}

export interface ActionContext {
  hook: HookContext;
  tools: HookTools;
  /**
   * Read a fresh snapshot (again after effects changed the host) and decide on it once;
   * `adjust` changes the snapshot first (unit memory the action is about to set).
   */
  read: (adjust?: (snap: Snapshot) => Snapshot) => Promise<Reading>;
  apply: (plan: Plan) => Promise<void>;
  /** Reconcile and apply, as a hook would. */
  reconcile: (reading: Reading, statusDirty?: boolean) => Promise<void>;
  serviceRunning: (name: string) => Promise<boolean>;
}

export type ActionHandler = (ctx: ActionContext) => Promise<void>;

export const ACTIONS: Record<string, ActionHandler> = {
  pause,
  resume,
  'openstack-upgrade': openstackUpgrade,
  'security-checklist': securityChecklistAction,
};

export async function runAction(ctx: ActionContext): Promise<void> {
  const handler = ACTIONS[ctx.hook.name];
  if (!handler) {
    await ctx.tools.actionFail(`Action ${ctx.hook.name} undefined`);
    return;
  }
  await handler(ctx);
}
