/**
 * Whether each service the charm may manage is running, for the `Services not running that
 * should be` status and for starting what should run. Only asked once the packages are in.
 */
import { serviceRunning } from './services.js';

export const CANDIDATE_SERVICES = ['glance-api', 'glance-registry', 'haproxy', 'memcached', 'apache2'] as const;

export async function serviceStates(installed: boolean): Promise<Record<string, boolean>> {
  if (!installed) return {};
  const states = await Promise.all(CANDIDATE_SERVICES.map(async (s) => [s, await serviceRunning(s)] as const));
  return Object.fromEntries(states);
}
