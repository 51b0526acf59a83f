/**
 * Unit memory lives in Juju unit state as one JSON value under one key (design §3): one
 * `state-get` reads it, one `state-set` writes it.
 */
import { UnitMemory } from '../snapshot.js';

export const UNIT_MEMORY_KEY = 'glance';

export const encodeUnitMemory = (memory: UnitMemory): Record<string, string> => ({
  [UNIT_MEMORY_KEY]: JSON.stringify(memory),
});

/** Unreadable or foreign memory counts as none: the next reconcile rebuilds what it needs. */
export function decodeUnitMemory(state: Record<string, string>): UnitMemory {
  const raw = state[UNIT_MEMORY_KEY];
  if (!raw) return {};
  try {
    const parsed = UnitMemory.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
