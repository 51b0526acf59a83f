/**
 * The services a decision puts under this unit's care: every managed one (haproxy is
 * hacluster's once an ha relation exists), and of those the ones that should run. glance-api
 * (and the registry) run only once their database and keystone settings exist.
 */
import type { Decision } from './decide.js';
import { managedServices } from './packages.js';

const NEEDS_CONFIG = new Set(['glance-api', 'glance-registry']);

export function workloadConfigured(d: Decision): boolean {
  return Boolean(d.model.database && d.model.identity);
}

/** Every service this unit manages (haproxy is hacluster's once an ha relation exists). */
export function unitServices(d: Decision): string[] {
  return managedServices(d.release, { https: Boolean(d.model.https), haRelated: d.readiness.ha.state !== 'absent' });
}

export function expectedServices(d: Decision): string[] {
  const configured = workloadConfigured(d);
  return unitServices(d).filter((s) => configured || !NEEDS_CONFIG.has(s));
}
