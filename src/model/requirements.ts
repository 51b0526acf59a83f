/**
 * The relation groups the workload status checks, in the one stable order status messages use
 * (the reference iterated a Python set, so its order changed between runs, Q8): the groups the
 * handlers declare in registry order, then the endpoints that bring an image store. A required
 * group must be related; an optional group counts only once one of its endpoints is related; a
 * group is satisfied when any of its related endpoints is ready.
 */
import { type Endpoint, handlerGroups, type ReadinessMap } from '../relations/index.js';
import { STORE_ENDPOINTS } from '../stores/index.js';

export interface GroupEndpoints {
  name: string;
  endpoints: readonly Endpoint[];
  required: boolean;
}

function groups(): GroupEndpoints[] {
  const out: GroupEndpoints[] = [];
  for (const { group, endpoint } of handlerGroups()) {
    const known = out.find((g) => g.name === group.name);
    if (known) known.endpoints = [...known.endpoints, endpoint];
    else out.push({ ...group, endpoints: [endpoint] });
  }
  return [...out, { name: 'storage-backend', endpoints: STORE_ENDPOINTS, required: false }];
}

const GROUPS: readonly GroupEndpoints[] = groups();

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
