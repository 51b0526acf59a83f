/**
 * The services around Glance on this machine: MariaDB, memcached and Keystone, which the
 * simulated remote charms stand for, plus the ones the charm itself starts. `servicesUp` is
 * idempotent and fast when everything already runs; `servicesDown` stops what we started.
 */
import { execa } from 'execa';
import { cephRunning, stopCeph } from './ceph.js';
import { fitHaproxyToFdLimit } from './haproxy-fd-limit.js';
import { type AdminCredentials, keystoneUp } from './keystone-host.js';
import { type Say, step } from './progress.js';
import { rabbitmqRunning, stopRabbitmq } from './rabbitmq.js';
import { loadState, saveState } from './state.js';
import { stopSwift, swiftRunning } from './swift.js';
import { isRunning, startService, stopService, waitFor } from './sysv.js';

/** Started by this machinery (the remote charms' services). */
const OUR_SERVICES = ['mariadb', 'memcached', 'keystone'] as const;
/** Started by the charm under test (glance-api, haproxy; apache2 with TLS). */
const CHARM_SERVICES = ['glance-api', 'haproxy', 'apache2'] as const;
/** Stop order: front to back, so nothing is left talking to a stopped dependency. */
const STOP_ORDER = ['haproxy', 'apache2', 'glance-api', 'keystone', 'memcached', 'mariadb'] as const;
/** Started by the real tests that need them (not SysV services: each knows how it runs and stops). */
const ON_DEMAND = [
  { name: 'swift', running: swiftRunning, stop: stopSwift },
  { name: 'rabbitmq-server', running: rabbitmqRunning, stop: stopRabbitmq },
  { name: 'ceph', running: cephRunning, stop: stopCeph },
] as const;

const mariadbAnswers = async (): Promise<boolean> => (await execa('mysqladmin', ['ping'], { reject: false })).exitCode === 0;

/** Which of the services we know about are running now. */
export async function servicesStatus(): Promise<Record<string, boolean>> {
  const names = [...OUR_SERVICES, ...CHARM_SERVICES];
  const running = await Promise.all(names.map(isRunning));
  const onDemand = await Promise.all(ON_DEMAND.map((s) => s.running()));
  return Object.fromEntries([...names.map((n, i) => [n, running[i] ?? false]), ...ON_DEMAND.map((s, i) => [s.name, onDemand[i] ?? false])]);
}

async function rememberPreexisting(): Promise<void> {
  const state = await loadState();
  if (state.session) return;
  const status = await servicesStatus();
  const preexisting = Object.keys(status).filter((n) => status[n]);
  await saveState({ ...state, session: { preexisting } });
}

async function ensureStarted(say: Say, service: string, ready: () => Promise<boolean>): Promise<void> {
  if (await isRunning(service)) return;
  await step(say, `start ${service}`, async () => {
    await startService(service);
    await waitFor(service, ready, 60_000);
  });
}

/** Start MariaDB, memcached and Keystone (configured); returns Keystone's admin credentials. */
export async function servicesUp(say: Say): Promise<AdminCredentials> {
  await rememberPreexisting();
  await fitHaproxyToFdLimit(say);
  await ensureStarted(say, 'mariadb', mariadbAnswers);
  await ensureStarted(say, 'memcached', () => isRunning('memcached'));
  return keystoneUp(say);
}

/** Stop every service we know of that runs and was not running before our first `up`. */
export async function servicesDown(say: Say): Promise<string[]> {
  const state = await loadState();
  const keep = new Set(state.session?.preexisting ?? []);
  const stopped: string[] = [];
  for (const service of STOP_ORDER) {
    if (keep.has(service) || !(await isRunning(service))) continue;
    await step(say, `stop ${service}`, () => stopService(service));
    stopped.push(service);
  }
  for (const s of ON_DEMAND) {
    if (keep.has(s.name) || !(await s.running())) continue;
    stopped.push(...(await step(say, `stop ${s.name}`, s.stop)));
  }
  await saveState({ ...state, session: null });
  return stopped;
}
