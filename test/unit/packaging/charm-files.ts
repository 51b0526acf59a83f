// What the charm must ship, derived from metadata.yaml and actions.yaml on their own (not from
// the generator), so the packaging tests catch the generator and the YAML drifting apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// The unit-level hooks Juju 3.x fires for a machine charm (juju-runtime.md §1.4).
const LIFECYCLE_HOOKS = [
  'install',
  'config-changed',
  'start',
  'stop',
  'remove',
  'upgrade-charm',
  'update-status',
  'leader-elected',
  'leader-settings-changed',
  'pre-series-upgrade',
  'post-series-upgrade',
];
const RELATION_EVENTS = ['created', 'joined', 'changed', 'departed', 'broken'];

const Endpoints = z.record(z.string(), z.unknown()).optional();
const Metadata = z.object({ requires: Endpoints, provides: Endpoints, peers: Endpoints });
const Actions = z.record(z.string(), z.unknown());

export function readRepoYaml(name: string): unknown {
  return YAML.parse(readFileSync(join(REPO_ROOT, name), 'utf8'));
}

export function expectedHooks(): string[] {
  const metadata = Metadata.parse(readRepoYaml('metadata.yaml'));
  const endpoints = [metadata.requires, metadata.provides, metadata.peers].flatMap((group) =>
    Object.keys(group ?? {}),
  );
  const relationHooks = endpoints.flatMap((endpoint) =>
    RELATION_EVENTS.map((event) => `${endpoint}-relation-${event}`),
  );
  return [...LIFECYCLE_HOOKS, ...relationHooks].sort();
}

export function expectedActions(): string[] {
  return Object.keys(Actions.parse(readRepoYaml('actions.yaml'))).sort();
}
