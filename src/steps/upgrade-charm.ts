/**
 * upgrade-charm (reference upgrade_charm), before the reconcile renders everything with the new
 * charm: apt update, the release's packages the host lacks, the obsolete ones purged (and then
 * every running service restarted, as the reference does, since their libraries may have
 * changed), a glance-registry.conf left from before stein kept aside as `.old` (LP #1979090),
 * and the packages' own config files put back once per unit (LP #1812972, #2042792).
 */
import { APT_LOCK_WAIT } from '../base/apt-options.js';
import { GLANCE_SECRET } from '../base/owners.js';
import type { Decision } from '../model/decide.js';
import { atLeast, hasRegistry, type Release } from '../base/release.js';
import { expectedServices } from '../model/services.js';
import type { Effect } from '../plan.js';
import type { Snapshot } from '../snapshot.js';
import { secureConfigDir } from './config-dir.js';
import { installEffects, needsInstall } from './install.js';
import { installedObsolete, packageEffects } from './packages.js';

export const REGISTRY_CONF = '/etc/glance/glance-registry.conf';

/** It holds the database password: the backup keeps the original's owner and mode. */
function registryBackup(snap: Snapshot, release: Release): Effect[] {
  const current = snap.host.files[REGISTRY_CONF];
  if (hasRegistry(release) || current === null || current === undefined) return [];
  return [
    { kind: 'write-file', path: `${REGISTRY_CONF}.old`, content: current, owner: GLANCE_SECRET },
    { kind: 'delete-file', path: REGISTRY_CONF },
  ];
}

/**
 * dpkg puts back every config file of the package that is missing (--force-confmiss) and keeps
 * the changed ones (--force-confold). Nothing is removed first, so nothing can be lost: the files
 * the charm renders (api-paste.ini) are rendered again by the reconcile that follows.
 */
function reinstallPackageConfig(release: Release): Effect {
  // Before rocky the paste files belong to glance-api and glance-registry, later to glance-common.
  const packages = atLeast(release, 'rocky') ? ['glance-common'] : ['glance-api', 'glance-registry'];
  return {
    kind: 'command',
    argv: [
      'apt-get', '--assume-yes', APT_LOCK_WAIT, '--reinstall',
      '--option=Dpkg::Options::=--force-confmiss', '--option=Dpkg::Options::=--force-confold', 'install', ...packages,
    ],
    retries: 2,
  };
}

export function upgradeCharmEffects(d: Decision, snap: Snapshot): Effect[] {
  if (needsInstall(snap)) return installEffects(d, snap);
  const purged = installedObsolete(snap, d.release).length > 0;
  const reinstall = purged || !snap.memory.pasteIniReinstalled;
  const paused = Boolean(snap.memory.paused || snap.memory.seriesUpgrading);
  const restarts = purged && !paused ? expectedServices(d) : [];
  return [
    { kind: 'apt-update' },
    ...packageEffects(snap, d.release),
    secureConfigDir,
    ...registryBackup(snap, d.release),
    ...(reinstall ? [reinstallPackageConfig(d.release)] : []),
    ...restarts.map((service): Effect => ({ kind: 'service', action: 'restart', service })),
    ...(snap.memory.pasteIniReinstalled ? [] : [{ kind: 'memory', memory: { ...snap.memory, pasteIniReinstalled: true } } as Effect]),
  ];
}
