/**
 * Package housekeeping shared by upgrade-charm and the OpenStack upgrade: the packages of a
 * release's set that the host lacks are installed (apt-get install skips the rest), and the
 * obsolete ones are purged only when installed: apt-get refuses to purge a package its archive
 * does not know (the Python 2 packages are gone from jammy and noble), so asking for all of them
 * would fail the hook.
 */
import { obsoletePackages, packagesFor } from '../model/packages.js';
import { RELEASES, type Release } from '../base/release.js';
import type { Effect } from '../plan.js';
import type { Snapshot } from '../snapshot.js';

/** Every package a purge may ask about, on any release: the read phase asks dpkg about these. */
export const PURGE_CANDIDATES: readonly string[] = [...new Set(RELEASES.flatMap((r) => obsoletePackages(r)))];

export function installedObsolete(snap: Snapshot, release: Release): string[] {
  return obsoletePackages(release).filter((p) => Boolean(snap.host.packages?.[p]));
}

export function packageEffects(snap: Snapshot, release: Release): Effect[] {
  const purge = installedObsolete(snap, release);
  return [
    { kind: 'apt-install', packages: packagesFor(release, snap.host.osCodename) },
    ...(purge.length
      ? ([
          { kind: 'apt-purge', packages: purge },
          { kind: 'command', argv: ['apt-get', '--assume-yes', '--purge', 'autoremove'], retries: 2 },
        ] as Effect[])
      : []),
  ];
}
