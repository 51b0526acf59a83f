/**
 * What the simulator needs from the charm's metadata.yaml, config.yaml and actions.yaml, read
 * once per simulator: endpoints (for relation hooks and the consistency checks), bindings (for
 * network-get), option types and defaults (for config-get) and action parameters.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ConfigValue } from './state.js';

const EndpointSpec = z
  .object({ interface: z.string(), scope: z.enum(['global', 'container']).default('global') })
  .passthrough();
const Endpoints = z.record(z.string(), EndpointSpec).nullish();

const MetadataYaml = z
  .object({
    name: z.string(),
    provides: Endpoints,
    requires: Endpoints,
    peers: Endpoints,
    'extra-bindings': z.record(z.string(), z.unknown()).nullish(),
    resources: z.record(z.string(), z.unknown()).nullish(),
  })
  .passthrough();

export const OptionType = z.enum(['string', 'int', 'float', 'boolean', 'secret']);
export type OptionType = z.infer<typeof OptionType>;

const ConfigYaml = z.object({
  options: z
    .record(
      z.string(),
      z.object({ type: OptionType, default: z.union([z.string(), z.number(), z.boolean()]).nullish() }).passthrough(),
    )
    .nullish(),
});

const ParamSpec = z.object({ type: z.string().optional(), default: z.unknown().optional() }).passthrough();
const ActionsYaml = z
  .record(
    z.string(),
    z
      .object({ params: z.record(z.string(), ParamSpec).nullish(), required: z.array(z.string()).nullish() })
      .passthrough()
      .nullish(),
  )
  .nullish();

export type Role = 'provides' | 'requires' | 'peers';

export interface Endpoint {
  name: string;
  role: Role;
  interface: string;
  scope: 'global' | 'container';
}

export interface ConfigOption {
  type: OptionType;
  default: ConfigValue | null;
}

export interface ActionSpec {
  params: Record<string, { type?: string; default?: unknown }>;
  required: string[];
}

export interface CharmMeta {
  name: string;
  endpoints: Record<string, Endpoint>;
  extraBindings: string[];
  options: Record<string, ConfigOption>;
  actions: Record<string, ActionSpec>;
  resources: string[];
}

function readYaml(charmDir: string, file: string): unknown {
  const path = join(charmDir, file);
  return existsSync(path) ? parse(readFileSync(path, 'utf8')) : null;
}

export function loadCharmMeta(charmDir: string): CharmMeta {
  const meta = MetadataYaml.parse(readYaml(charmDir, 'metadata.yaml'));
  const endpoints: Record<string, Endpoint> = {};
  for (const role of ['provides', 'requires', 'peers'] as const) {
    for (const [name, spec] of Object.entries(meta[role] ?? {})) {
      endpoints[name] = { name, role, interface: spec.interface, scope: spec.scope };
    }
  }
  const options: Record<string, ConfigOption> = {};
  for (const [name, spec] of Object.entries(ConfigYaml.parse(readYaml(charmDir, 'config.yaml') ?? {}).options ?? {})) {
    options[name] = { type: spec.type, default: spec.default ?? null };
  }
  const actions: Record<string, ActionSpec> = {};
  for (const [name, spec] of Object.entries(ActionsYaml.parse(readYaml(charmDir, 'actions.yaml')) ?? {})) {
    actions[name] = { params: spec?.params ?? {}, required: spec?.required ?? [] };
  }
  return {
    name: meta.name,
    endpoints,
    extraBindings: Object.keys(meta['extra-bindings'] ?? {}),
    options,
    actions,
    resources: Object.keys(meta.resources ?? {}),
  };
}

/** Names network-get accepts: every endpoint, every extra binding, and juju-info. */
export function bindingNames(meta: CharmMeta): string[] {
  return [...Object.keys(meta.endpoints), ...meta.extraBindings, 'juju-info'];
}

export function peerEndpoints(meta: CharmMeta): Endpoint[] {
  return Object.values(meta.endpoints).filter((e) => e.role === 'peers');
}
