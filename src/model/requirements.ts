/**
 * Relation groups the workload status checks, in the one stable order status messages use
 * (the reference iterated a Python set, so its order changed between runs, Q8).
 * A required group must be related; an optional group counts only once one of its endpoints
 * is related; a group is satisfied when any of its related endpoints is ready.
 */
import type { Endpoint, ReadinessMap } from '../relations/index.js';

export interface Group {
  name: string;
  endpoints: readonly Endpoint[];
  required: boolean;
}

export const GROUPS: readonly Group[] = [
  { name: 'database', endpoints: ['shared-db'], required: true },
  { name: 'identity', endpoints: ['identity-service'], required: true },
  { name: 'messaging', endpoints: ['amqp'], required: false },
  {
    name: 'storage-backend',
    endpoints: ['ceph', 'object-store', 'cinder-volume-service', 'storage-backend'],
    required: false,
  },
];

export interface InterfaceState {
  missing: string[];
  incomplete: string[];
}

export function interfaceState(r: ReadinessMap): InterfaceState {
  const missing: string[] = [];
  const incomplete: string[] = [];
  for (const g of GROUPS) {
    const states = g.endpoints.map((e) => r[e].state);
    const related = states.some((s) => s !== 'absent');
    if (!related) {
      if (g.required) missing.push(g.name);
    } else if (!states.includes('ready')) {
      incomplete.push(g.name);
    }
  }
  return { missing, incomplete };
}
