/**
 * Hook and action name → what runs. Most hooks are the one reconcile; a few run a dedicated
 * step first (whose effects change the host, so the snapshot is read again after it; unit
 * memory the step writes is what the reconcile starts from), stop and remove run their step
 * only (a reconcile would start and rewrite everything again), and actions run their own logic.
 * Unknown hook names are ignored (dispatch is called for every event, including ones this
 * charm has no use for). A step gets the hook's Decision (src/event.ts makes it once per
 * snapshot) and never decides again itself.
 */
import { relationEvent } from './juju/context.js';
import type { Decision } from './model/decide.js';
import type { Effect } from './plan.js';
import { ENDPOINTS } from './relations/index.js';
import type { Snapshot } from './snapshot.js';
import { installEffects, needsInstall } from './steps/install.js';
import { configChangedUpgrade } from './steps/openstack-upgrade.js';
import { postSeriesUpgradeEffects, preSeriesUpgradeEffects } from './steps/series-upgrade.js';
import { removeEffects, stopEffects } from './steps/teardown.js';
import { upgradeCharmEffects } from './steps/upgrade-charm.js';

export type Step = (d: Decision, snap: Snapshot) => Effect[];

export type Route =
  | { kind: 'reconcile'; step?: Step }
  | { kind: 'step'; step: Step }
  | { kind: 'ignore' };

export const LIFECYCLE_HOOKS = [
  'install', 'config-changed', 'start', 'stop', 'remove', 'upgrade-charm', 'update-status',
  'leader-elected', 'leader-settings-changed', 'pre-series-upgrade', 'post-series-upgrade',
] as const;

/** Install while glance-common is missing, else upgrade OpenStack when openstack-origin asks for a newer release. */
const configChanged: Step = (d, snap) => (needsInstall(snap) ? installEffects(d, snap) : configChangedUpgrade(d, snap));

const STEPS: Record<string, Step> = {
  install: installEffects,
  'config-changed': configChanged,
  'upgrade-charm': upgradeCharmEffects,
  'pre-series-upgrade': preSeriesUpgradeEffects,
  'post-series-upgrade': postSeriesUpgradeEffects,
};

// teardown.ts still decides for itself (it is being rewritten): it gets the snapshot only.
const STEP_ONLY: Record<string, Step> = { stop: stopEffects, remove: (_d, snap) => removeEffects(snap) };

export function isKnownHook(name: string): boolean {
  const rel = relationEvent(name);
  if (rel) return (ENDPOINTS as readonly string[]).includes(rel.endpoint);
  return (LIFECYCLE_HOOKS as readonly string[]).includes(name);
}

export function routeFor(hookName: string): Route {
  if (!isKnownHook(hookName)) return { kind: 'ignore' };
  const only = STEP_ONLY[hookName];
  if (only) return { kind: 'step', step: only };
  const step = STEPS[hookName];
  return step ? { kind: 'reconcile', step } : { kind: 'reconcile' };
}
