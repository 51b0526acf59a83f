/**
 * The service side of pausing and resuming (reference §3), shared by the pause and resume actions
 * and the series upgrade: stop, disable and mask every managed service (haproxy is left to
 * hacluster when an ha relation exists); resume unmasks and enables them again.
 */
import type { Decision } from '../model/decide.js';
import { unitServices } from '../model/services.js';
import type { Effect } from '../plan.js';

export const servicesToControl = (d: Decision): string[] => unitServices(d);

export function pauseEffects(d: Decision): Effect[] {
  return servicesToControl(d).flatMap((service): Effect[] => [
    { kind: 'service', action: 'stop', service },
    { kind: 'service', action: 'disable', service },
    { kind: 'service', action: 'mask', service },
  ]);
}

export function resumeEffects(d: Decision): Effect[] {
  return servicesToControl(d).flatMap((service): Effect[] => [
    { kind: 'service', action: 'unmask', service },
    { kind: 'service', action: 'enable', service },
  ]);
}
