/**
 * OpenStack releases this charm supports, oldest first, and the template lineage each renders
 * with. The reference charm could only render yoga and newer (its older template dirs lacked
 * api-paste.ini); here every supported release renders.
 */
export const RELEASES = [
  'queens', 'rocky', 'stein', 'train', 'ussuri', 'victoria', 'wallaby', 'xena', 'yoga', 'zed',
  'antelope', 'bobcat', 'caracal', 'dalmatian', 'epoxy', 'flamingo',
] as const;
export type Release = (typeof RELEASES)[number];

/** Template directories, oldest first; a release uses the newest one not newer than itself. */
export const LINEAGES = ['queens', 'stein', 'ussuri', 'yoga', 'epoxy'] as const;
export type Lineage = (typeof LINEAGES)[number];

export const releaseIndex = (r: Release): number => RELEASES.indexOf(r);
export const atLeast = (r: Release, min: Release): boolean => releaseIndex(r) >= releaseIndex(min);

export function lineageOf(r: Release): Lineage {
  let chosen: Lineage = 'queens';
  for (const l of LINEAGES) if (atLeast(r, l)) chosen = l;
  return chosen;
}

/** glance-registry (its package, service and config file) exists only before stein. */
export const hasRegistry = (r: Release): boolean => !atLeast(r, 'stein');

/** keystone_authtoken names the public identity URL www_authenticate_uri from stein (auth_uri before). */
export const usesWwwAuthenticateUri = (r: Release): boolean => atLeast(r, 'stein');

export const isRelease = (s: string): s is Release => (RELEASES as readonly string[]).includes(s);
