/**
 * A Glance deployment on this machine: the packed charm, unzipped as a unit holds it, run through the simulated Juju in real
 * mode (its hooks are real processes acting on /, with `service` for init scripts), related to
 * simulated mysql, keystone and nova-cloud-controller charms that act on the real MariaDB and
 * Keystone. The model lives in a directory, so a second run continues the same deployment.
 */
import { Sim } from '../sim/engine.js';
import type { HookResult } from '../sim/records.js';
import type { ConfigValue } from '../sim/state.js';
import { unitCharmDir } from '../sim/unit-charm.js';
import type { AdminCredentials } from './keystone-host.js';
import { type Say, step } from './progress.js';
import { type RemoteCharms, remoteCharms } from './remotes/index.js';

/** The charm dir, as for the simulator's units: ready once unpackUnitCharm() has run. */
export const CHARM_DIR = unitCharmDir();

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

/** The simulator on the model in `dir` (a fresh temp dir without one), with the remote charms registered. */
export function openModel(o: { dir?: string; admin: AdminCredentials; say: Say }): { sim: Sim; remotes: RemoteCharms } {
  const sim = new Sim({ charmDir: CHARM_DIR, real: true, dir: o.dir });
  const remotes = remoteCharms(o.admin, o.say);
  for (const [app, behaviour] of Object.entries(remotes.behaviours)) sim.remote(app, behaviour);
  return { sim, remotes };
}

/** The only unit of the model. */
export function glanceUnit(sim: Sim): string {
  const unit = Object.keys(sim.state.units)[0];
  if (!unit) throw new Error('the model has no glance unit: deploy first');
  return unit;
}

/** juju deploy, as the driver runs it, with progress lines. */
export const deployUnit = (sim: Sim, say: Say, config: Record<string, ConfigValue> = {}): Promise<HookResult[]> =>
  driven(say, 'juju deploy glance (install, leader-elected, config-changed, start)', () => sim.deploy({ config: { ...BASE_CONFIG, ...config } }));

/** juju integrate glance:<endpoint> <app>, with progress lines; returns the relation id. */
export async function integrateWith(sim: Sim, say: Say, endpoint: string, app: string): Promise<number> {
  const integration = await step(say, `juju integrate glance:${endpoint} ${app}`, () => sim.integrate(endpoint, app));
  reportHooks(say, integration.results);
  return integration.relationId;
}

/** The remote application answers again (a keystone charm's hook retried), then the model settles. */
export const askAgain = (sim: Sim, say: Say, relationId: number): Promise<HookResult[]> =>
  driven(say, `${sim.relation(relationId).remoteApp}: answer again on ${sim.relation(relationId).endpoint}:${relationId}`, async () => {
    await sim.askRemote(relationId);
    return sim.settle();
  });

/**
 * Open (or create) the model in `dir` and bring it to: deployed with exactly `config` (on top of
 * the charm's defaults), related to the three remote charms. On an existing model it sets the
 * config back (options set earlier and not asked for now return to their defaults), adds any
 * missing relation and asks every remote again, which converges whatever changed since.
 */
export async function deployGlance(o: { dir?: string; admin: AdminCredentials; say: Say; config?: Record<string, ConfigValue> }): Promise<Deployment> {
  const { sim, remotes } = openModel(o);
  if (Object.keys(sim.state.units).length === 0) await deployUnit(sim, o.say, o.config);
  else {
    const wanted = { ...BASE_CONFIG, ...o.config };
    const stale = Object.keys(sim.state.config).filter((k) => !(k in wanted));
    await driven(o.say, 'juju config glance (existing model)', () => sim.config({ ...Object.fromEntries(stale.map((k) => [k, null])), ...wanted }));
  }
  for (const [endpoint, app] of INTEGRATIONS) {
    const existing = sim.relations(endpoint)[0];
    if (existing) await askAgain(sim, o.say, existing.id);
    else await integrateWith(sim, o.say, endpoint, app);
  }
  return { sim, remotes, unit: glanceUnit(sim) };
}
