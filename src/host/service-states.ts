/**
 * Whether each service the charm may manage is running, for the `Services not running that
 * should be` status and for starting what should run. Only asked once the packages are in; with
 * systemd one `systemctl is-active` answers for all of them (one process per hook, not five).
 */
import { tryCommand } from './run.js';
import { hostRunsSystemd, serviceRunning } from './services.js';

export const CANDIDATE_SERVICES = ['glance-api', 'glance-registry', 'haproxy', 'memcached', 'apache2'] as const;

async function viaSystemctl(): Promise<Record<string, boolean>> {
  const r = await tryCommand(['systemctl', 'is-active', ...CANDIDATE_SERVICES]);
  const states = r.stdout.split('\n');
  return Object.fromEntries(CANDIDATE_SERVICES.map((s, i) => [s, states[i]?.trim() === 'active']));
}

export async function serviceStates(installed: boolean): Promise<Record<string, boolean>> {
  if (!installed) return {};
  if (await hostRunsSystemd()) return viaSystemctl();
  const states = await Promise.all(CANDIDATE_SERVICES.map(async (s) => [s, await serviceRunning(s)] as const));
  return Object.fromEntries(states);
}
