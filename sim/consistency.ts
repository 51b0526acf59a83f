/**
 * Scenario-style consistency checks (reference/juju-runtime.md §4.3): a test that asks for
 * something Juju could never do fails before the charm runs, with a message saying why.
 */
import type { CharmMeta } from './charm-meta.js';
import type { ConfigValue } from './state.js';

export class InconsistentSimError extends Error {
  override readonly name = 'InconsistentSimError';
}

const fail = (message: string): never => {
  throw new InconsistentSimError(message);
};

export function checkEndpoint(meta: CharmMeta, endpoint: string, expect: 'peer' | 'non-peer' | 'any'): void {
  const e = meta.endpoints[endpoint];
  if (!e) fail(`unknown endpoint "${endpoint}": metadata.yaml declares ${Object.keys(meta.endpoints).join(', ')}`);
  if (expect === 'non-peer' && e?.role === 'peers') fail(`"${endpoint}" is a peer relation: Juju creates it, it cannot be integrated`);
  if (expect === 'peer' && e?.role !== 'peers') fail(`"${endpoint}" is not a peer relation`);
}

const TYPE_CHECKS: Record<string, (v: ConfigValue) => boolean> = {
  string: (v) => typeof v === 'string',
  int: (v) => typeof v === 'number' && Number.isInteger(v),
  float: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  secret: (v) => typeof v === 'string' && v.startsWith('secret:'),
};

/** Unknown keys are always an error; wrong types only when `types` (robustness tests turn it off). */
export function checkConfig(meta: CharmMeta, values: Record<string, ConfigValue | null>, types: boolean): void {
  for (const [key, value] of Object.entries(values)) {
    const option = meta.options[key];
    if (!option) fail(`config option "${key}" is not in config.yaml`);
    if (types && option && value !== null && !TYPE_CHECKS[option.type]?.(value)) {
      fail(`config option "${key}" is of type ${option.type}, got ${JSON.stringify(value)}`);
    }
  }
}

const PARAM_CHECKS: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  array: (v) => Array.isArray(v),
  object: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
};

/** The parameters with actions.yaml defaults inserted, after Juju's validation of them. */
export function checkAction(meta: CharmMeta, name: string, params: Record<string, unknown>): Record<string, unknown> {
  const spec = meta.actions[name];
  if (!spec) return fail(`action "${name}" not defined: actions.yaml declares ${Object.keys(meta.actions).join(', ')}`);
  const withDefaults: Record<string, unknown> = {};
  for (const [p, s] of Object.entries(spec.params)) if (s.default !== undefined) withDefaults[p] = s.default;
  Object.assign(withDefaults, params);
  for (const [p, value] of Object.entries(withDefaults)) {
    const s = spec.params[p];
    if (!s) fail(`action "${name}" has no parameter "${p}"`);
    if (s?.type && PARAM_CHECKS[s.type] && !PARAM_CHECKS[s.type]?.(value)) {
      fail(`action "${name}" parameter "${p}" must be of type ${s.type}, got ${JSON.stringify(value)}`);
    }
  }
  for (const p of spec.required) if (!(p in withDefaults)) fail(`action "${name}" requires parameter "${p}"`);
  return withDefaults;
}

export const LIFECYCLE_HOOKS: ReadonlySet<string> = new Set([
  'install',
  'start',
  'stop',
  'remove',
  'config-changed',
  'upgrade-charm',
  'update-status',
  'leader-elected',
  'leader-settings-changed',
  'pre-series-upgrade',
  'post-series-upgrade',
  'collect-metrics',
  'secret-changed',
  'secret-rotate',
  'secret-remove',
  'secret-expired',
]);

export const RELATION_HOOK = /^(.+)-relation-(created|joined|changed|departed|broken)$/;

/** The endpoint of a relation hook, after checking the hook name is one Juju could fire. */
export function checkHookName(meta: CharmMeta, hook: string): { endpoint: string; event: string } | undefined {
  if (LIFECYCLE_HOOKS.has(hook)) return undefined;
  const m = RELATION_HOOK.exec(hook);
  if (!m) return fail(`"${hook}" is not a hook Juju fires`);
  const endpoint = m[1] as string;
  if (!meta.endpoints[endpoint]) fail(`"${hook}": unknown endpoint "${endpoint}"`);
  return { endpoint, event: m[2] as string };
}
