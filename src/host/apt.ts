/**
 * Packages. apt waits up to five minutes for the dpkg lock itself (cloud-init and
 * unattended-upgrades hold it on fresh machines), and a failed run is retried twice because
 * mirrors fail transiently; what still fails fails the hook with apt's last line. Package
 * sources are planned from openstack-origin in the pure core (src/package-source/plan.ts) and
 * carried out as plain files and commands.
 */
import { APT_LOCK_WAIT as LOCK_WAIT } from '../base/apt-options.js';
import { runCommand } from './run.js';

const KEEP_OLD_CONFIG = '--option=Dpkg::Options::=--force-confold';
const TAKE_NEW_CONFIG = '--option=Dpkg::Options::=--force-confnew';
const RETRY = { retries: 2, backoffMs: 5000 };

async function aptGet(args: readonly string[]): Promise<void> {
  await runCommand(['apt-get', ...args], { env: { DEBIAN_FRONTEND: 'noninteractive' }, ...RETRY });
}

export const aptUpdate = (): Promise<void> => aptGet([LOCK_WAIT, 'update']);

export async function aptInstall(packages: readonly string[]): Promise<void> {
  if (packages.length > 0) await aptGet(['-y', LOCK_WAIT, KEEP_OLD_CONFIG, 'install', ...packages]);
}

export async function aptPurge(packages: readonly string[]): Promise<void> {
  if (packages.length > 0) await aptGet(['-y', LOCK_WAIT, 'purge', ...packages]);
}

/** For an OpenStack upgrade: take the packages' new config files where we did not change them. */
export const aptDistUpgrade = (): Promise<void> =>
  aptGet(['-y', LOCK_WAIT, TAKE_NEW_CONFIG, '--option=Dpkg::Options::=--force-confdef', 'dist-upgrade']);
