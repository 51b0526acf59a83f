/**
 * Hook and action name → what runs. Most hooks are the one reconcile; a few run a dedicated
 * step first (whose effects change the host, so the snapshot is read again after it), and
 * actions run their own logic. Unknown hook names are ignored (dispatch is called for every
 * event, including ones this charm has no use for).
 */
import { relationEvent } from './juju/context.js';
import { ENDPOINTS } from './relations/index.js';
import type { Effect } from './plan.js';
import type { Snapshot } from './snapshot.js';
import { installEffects, needsInstall } from './steps/install.js';

export type Step = (snap: Snapshot) => Effect[];

export type Route =
  | { kind: 'reconcile'; step?: Step }
  | { kind: 'ignore' };

export const LIFECYCLE_HOOKS = [
  'install', 'config-changed', 'start', 'stop', 'remove', 'upgrade-charm', 'update-status',
  'leader-elected', 'leader-settings-changed', 'pre-series-upgrade', 'post-series-upgrade',
] as const;

const ensureInstalled: Step = (snap) => (needsInstall(snap) ? installEffects(snap) : []);

const STEPS: Record<string, Step> = {
  install: installEffects,
  'config-changed': ensureInstalled,
  'upgrade-charm': ensureInstalled,
};

export function isKnownHook(name: string): boolean {
  const rel = relationEvent(name);
  if (rel) return (ENDPOINTS as readonly string[]).includes(rel.endpoint);
  return (LIFECYCLE_HOOKS as readonly string[]).includes(name);
}

export function routeFor(hookName: string): Route {
  if (!isKnownHook(hookName)) return { kind: 'ignore' };
  const step = STEPS[hookName];
  return step ? { kind: 'reconcile', step } : { kind: 'reconcile' };
}
