/**
 * OpenStack release upgrades (reference do_openstack_upgrade): when openstack-origin names a
 * newer release than the installed glance-common, switch the package source, dist-upgrade
 * (taking the packages' new config files: the charm renders its own again right after), install
 * the new release's packages and purge the obsolete ones; then the services stop, the leader
 * migrates the schema and the services start again unless the unit is paused.
 *
 * The openstack-upgrade action (action-managed-upgrade true) runs these pieces in the
 * reference's order with a render in between; config-changed (action-managed-upgrade false) has
 * one step before its reconcile, so it stops and migrates right after the packages and the
 * reconcile then renders the new release's files and starts the services.
 */
import { APT_LOCK_WAIT } from '../base/apt-options.js';
import type { Decision } from '../model/decide.js';
import { managedServices } from '../model/packages.js';
import { type Release, releaseIndex } from '../base/release.js';
import { releaseFromOrigin, releaseFromVersion } from '../model/release-detect.js';
import type { Effect } from '../plan.js';
import { DB_SYNC, dbSyncAllowed } from '../reconcile/db-sync.js';
import type { Snapshot } from '../snapshot.js';
import { secureConfigDir } from './config-dir.js';
import { packageEffects } from './packages.js';

export const UPGRADE_MESSAGE = 'Upgrading OpenStack release';

/** Config file changes the packages make are taken (--force-confnew): the charm renders its files again anyway. */
export const DIST_UPGRADE: Effect = {
  kind: 'command',
  argv: [
    'apt-get', '--assume-yes', APT_LOCK_WAIT,
    '--option=Dpkg::Options::=--force-confnew', '--option=Dpkg::Options::=--force-confdef', 'dist-upgrade',
  ],
  retries: 2,
};

/** An upgrade due: the release openstack-origin names, and what apt needs to get it. */
export interface Upgrade {
  release: Release;
  /** The package source's effects, as decide() planned them for this unit. */
  source: Effect[];
}

/** The upgrade openstack-origin asks for when it names a newer release than the installed one. */
export function upgradeTarget(d: Decision, snap: Snapshot): Upgrade | undefined {
  const installed = snap.host.glanceCommonVersion ? releaseFromVersion(snap.host.glanceCommonVersion) : undefined;
  // An origin this unit cannot use names nothing to upgrade to (the unit is blocked on it).
  if (!installed || !d.packageSource.ok) return undefined;
  const wanted = releaseFromOrigin(d.config['openstack-origin'], snap.host.osCodename);
  return wanted && releaseIndex(wanted) > releaseIndex(installed) ? { release: wanted, source: d.packageSource.effects } : undefined;
}

export function upgradePackageEffects(snap: Snapshot, upgrade: Upgrade): Effect[] {
  return [
    { kind: 'progress', message: UPGRADE_MESSAGE },
    ...upgrade.source,
    { kind: 'apt-update' },
    DIST_UPGRADE,
    ...packageEffects(snap, upgrade.release),
    secureConfigDir,
  ];
}

/** Stop what runs on `release`, and let the leader migrate the schema to it. */
export function stopAndSyncEffects(d: Decision, snap: Snapshot, release: Release): Effect[] {
  const services = managedServices(release, { https: Boolean(d.model.https), haRelated: d.readiness.ha.state !== 'absent' });
  return [
    ...services.map((service): Effect => ({ kind: 'service', action: 'stop', service })),
    ...(dbSyncAllowed(d, snap) ? [DB_SYNC] : []),
  ];
}

/** config-changed: upgrade unless the operator wants to run the action themselves. */
export function configChangedUpgrade(d: Decision, snap: Snapshot): Effect[] {
  const upgrade = upgradeTarget(d, snap);
  if (!upgrade || d.config['action-managed-upgrade']) return [];
  return [...upgradePackageEffects(snap, upgrade), ...stopAndSyncEffects(d, snap, upgrade.release)];
}
