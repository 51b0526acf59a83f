/**
 * A Glance deployment on this machine: the built charm run through the simulated Juju in real
 * mode (its hooks are real processes acting on /, with `service` for init scripts), related to
 * simulated mysql, keystone and nova-cloud-controller charms that act on the real MariaDB and
 * Keystone. The model lives in a directory, so a second run continues the same deployment.
 */
import { fileURLToPath } from 'node:url';
import { Sim } from '../sim/engine.js';
import type { HookResult } from '../sim/records.js';
import type { ConfigValue } from '../sim/state.js';
import type { AdminCredentials } from './keystone-host.js';
import { type Say, step } from './progress.js';
import { type RemoteCharms, remoteCharms } from './remotes/index.js';

/** The repository root: metadata.yaml, config.yaml, dispatch and the built dist/charm.js. */
export const CHARM_DIR = fileURLToPath(new URL('..', import.meta.url));

/** haproxy's frontend, where clients reach Glance (glance-api itself listens on 9282 behind it). */
export const GLANCE_URL = 'http://127.0.0.1:9292';

/** The operator's `juju deploy glance --config openstack-origin=distro` on Debian/Ubuntu. */
export const BASE_CONFIG: Record<string, ConfigValue> = { 'openstack-origin': 'distro' };

/** endpoint → the remote application played for it. */
export const INTEGRATIONS = [
  ['shared-db', 'mysql'],
  ['identity-service', 'keystone'],
  ['image-service', 'nova-cloud-controller'],
] as const;

export interface Deployment {
  sim: Sim;
  remotes: RemoteCharms;
  unit: string;
}

/** One line per hook: what ran, how it ended, the status it left. */
export function reportHooks(say: Say, results: readonly HookResult[]): void {
  for (const r of results) {
    const outcome = r.exitCode === 0 ? 'ok' : `FAILED (exit ${r.exitCode}): ${r.stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
    say(`    ${r.unit} ${r.hook}${r.remoteUnit ? ` (${r.remoteUnit})` : ''}: ${outcome} [${r.status.status}: ${r.status.message}] ${(r.durationMs / 1000).toFixed(1)}s`);
  }
}

async function driven(say: Say, label: string, body: () => Promise<HookResult[]>): Promise<HookResult[]> {
  const results = await step(say, label, body);
  reportHooks(say, results);
  return results;
}

/**
 * Open (or create) the model in `dir` and bring it to: deployed with `config`, related to the
 * three remote charms. On an existing model it re-applies the config and asks every remote
 * again, which converges whatever changed on the host since.
 */
export async function deployGlance(o: { dir?: string; admin: AdminCredentials; say: Say; config?: Record<string, ConfigValue> }): Promise<Deployment> {
  const sim = new Sim({ charmDir: CHARM_DIR, real: true, dir: o.dir });
  const remotes = remoteCharms(o.admin, o.say);
  for (const [app, behaviour] of Object.entries(remotes.behaviours)) sim.remote(app, behaviour);
  const config = { ...BASE_CONFIG, ...o.config };

  if (Object.keys(sim.state.units).length === 0) await driven(o.say, 'juju deploy glance (install, leader-elected, config-changed, start)', () => sim.deploy({ config }));
  else await driven(o.say, 'juju config glance (existing model)', () => sim.config(config));

  for (const [endpoint, app] of INTEGRATIONS) {
    const existing = sim.relations(endpoint)[0];
    if (!existing) {
      await driven(o.say, `juju integrate glance:${endpoint} ${app}`, async () => (await sim.integrate(endpoint, app)).results);
    } else {
      await driven(o.say, `${app}: refresh ${endpoint}:${existing.id}`, async () => {
        await sim.askRemote(existing.id);
        return sim.settle();
      });
    }
  }
  const unit = Object.keys(sim.state.units)[0];
  if (!unit) throw new Error('the model has no glance unit after deploy');
  return { sim, remotes, unit };
}
