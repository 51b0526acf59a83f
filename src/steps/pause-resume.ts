/**
 * The service side of pausing and resuming (reference §3), shared by the pause and resume actions
 * and the series upgrade: stop, disable and mask every managed service (haproxy is left to
 * hacluster when an ha relation exists); resume unmasks and enables them again.
 */
import { decide } from '../model/decide.js';
import { unitServices } from '../model/services.js';
import type { Effect } from '../plan.js';
import type { Snapshot } from '../snapshot.js';

export const servicesToControl = (snap: Snapshot): string[] => unitServices(decide(snap));

export function pauseEffects(snap: Snapshot): Effect[] {
  return servicesToControl(snap).flatMap((service): Effect[] => [
    { kind: 'service', action: 'stop', service },
    { kind: 'service', action: 'disable', service },
    { kind: 'service', action: 'mask', service },
  ]);
}

export function resumeEffects(snap: Snapshot): Effect[] {
  return servicesToControl(snap).flatMap((service): Effect[] => [
    { kind: 'service', action: 'unmask', service },
    { kind: 'service', action: 'enable', service },
  ]);
}
