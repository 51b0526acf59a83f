/**
 * Packages and package sources. apt waits up to five minutes for the dpkg lock itself (cloud-init
 * and unattended-upgrades hold it on fresh machines), and a failed run is retried twice because
 * mirrors fail transiently; what still fails fails the hook with apt's last line.
 */
import { arch } from 'node:process';
import { APT_LOCK_WAIT as LOCK_WAIT } from '../base/apt-options.js';
import type { FileOwner } from '../base/owners.js';
import { sourceSetup } from './apt-source.js';
import { writeFileAtomic } from './files.js';
import { runCommand } from './run.js';

const KEEP_OLD_CONFIG = '--option=Dpkg::Options::=--force-confold';
const TAKE_NEW_CONFIG = '--option=Dpkg::Options::=--force-confnew';
const RETRY = { retries: 2, backoffMs: 5000 };
const SOURCE_FILE_OWNER: FileOwner = { user: 'root', group: 'root', mode: 0o644 };

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

/** Downloads the charm makes itself go through the model's charm proxy settings. */
function charmProxyEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  const pairs = [
    ['JUJU_CHARM_HTTP_PROXY', 'http_proxy'],
    ['JUJU_CHARM_HTTPS_PROXY', 'https_proxy'],
    ['JUJU_CHARM_NO_PROXY', 'no_proxy'],
  ] as const;
  for (const [from, to] of pairs) {
    const value = env[from];
    if (value) out[to] = value;
  }
  return out;
}

export async function configureSource(origin: string, series: string): Promise<void> {
  const setup = sourceSetup(origin, series, arch);
  await aptInstall(setup.packages);
  for (const file of setup.files) await writeFileAtomic(file.path, file.content, SOURCE_FILE_OWNER);
  for (const argv of setup.commands) await runCommand(argv, { env: charmProxyEnv(), ...RETRY });
}
