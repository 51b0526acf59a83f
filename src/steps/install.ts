/**
 * Install (and re-install on config-changed or upgrade-charm while glance-common is missing, so
 * that a bad openstack-origin fixed later still converges): package source, apt update, the
 * release's packages, then stop glance-api so it only runs once its config is complete.
 */
import { hasRegistry } from '../base/release.js';
import type { Decision } from '../model/decide.js';
import { packagesFor } from '../model/packages.js';
import { detectRelease } from '../model/release-detect.js';
import { workloadConfigured } from '../model/services.js';
import type { Effect } from '../plan.js';
import type { Snapshot } from '../snapshot.js';
import { secureConfigDir } from './config-dir.js';

export const needsInstall = (snap: Snapshot): boolean => snap.host.glanceCommonVersion === null;

export function installEffects(d: Decision, snap: Snapshot): Effect[] {
  // An openstack-origin this unit cannot use is a blocked status (the reconcile that follows);
  // without its source there is nothing to install from.
  if (!d.packageSource.ok) return [];
  const series = snap.host.osCodename;
  const origin = d.config['openstack-origin'];
  // The release the packages about to be installed will be (d.release reads it from the host).
  const release = detectRelease({ glanceCommonVersion: null, openstackReleaseFile: null, origin, series });
  const services = hasRegistry(release) ? ['glance-api', 'glance-registry'] : ['glance-api'];
  // The packages start glance-api on the package's config: stop it until the charm's is complete.
  // A repeated install (Juju retrying the hook, `juju resolved`) on a configured unit must not
  // take the API down.
  const stop = workloadConfigured(d) ? [] : services;
  return [
    { kind: 'progress', message: 'Executing pre-install' },
    ...d.packageSource.effects,
    { kind: 'progress', message: 'Installing apt packages' },
    { kind: 'apt-update' },
    { kind: 'apt-install', packages: packagesFor(release, series) },
    secureConfigDir,
    ...stop.map((service): Effect => ({ kind: 'service', action: 'stop', service })),
  ];
}
