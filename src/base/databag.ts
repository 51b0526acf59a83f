/** Relation databags as plain data: Juju's own keys, and the change from one bag to another. */
type Databag = Record<string, string>;

/**
 * Keys Juju writes into every unit databag and rewrites when the unit's network changes
 * (reference/juju-runtime.md §6.1): glance never publishes them, and leaves them alone.
 */
export const JUJU_KEYS: readonly string[] = ['private-address', 'ingress-address', 'egress-subnets'];

export const withoutJujuKeys = (bag: Databag): Databag =>
  Object.fromEntries(Object.entries(bag).filter(([k]) => !JUJU_KEYS.includes(k)));

export function diffBag(before: Databag, after: Databag): Databag {
  const out: Databag = {};
  for (const [k, v] of Object.entries(after)) if (before[k] !== v) out[k] = v;
  for (const k of Object.keys(before)) if (!(k in after) && !JUJU_KEYS.includes(k)) out[k] = '';
  return out;
}
