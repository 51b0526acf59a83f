/**
 * Series upgrades (`juju upgrade-machine`, reference series_upgrade_prepare/complete):
 * pre-series-upgrade pauses the unit (unless it is paused already) and remembers the upgrade,
 * so the status asks the operator to upgrade the OS and no hook starts anything meanwhile;
 * post-series-upgrade forgets both, unmasks and enables the services, and the reconcile that
 * follows renders for the new series and starts them.
 */
import type { Decision } from '../model/decide.js';
import type { Effect } from '../plan.js';
import { pauseEffects, resumeEffects } from './pause-resume.js';
import type { Snapshot } from '../snapshot.js';

export function preSeriesUpgradeEffects(d: Decision, snap: Snapshot): Effect[] {
  return [
    ...(snap.memory.paused ? [] : pauseEffects(d)),
    { kind: 'memory', memory: { ...snap.memory, paused: true, seriesUpgrading: true } },
  ];
}

export function postSeriesUpgradeEffects(d: Decision, snap: Snapshot): Effect[] {
  const { paused: _paused, seriesUpgrading: _upgrading, ...memory } = snap.memory;
  return [...resumeEffects(d), { kind: 'memory', memory }];
}
