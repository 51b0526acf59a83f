/**
 * Which OpenStack release this unit runs (design §3): the installed glance-common version, else
 * /etc/openstack-release, else what openstack-origin asks for, else the OS series' own release.
 */
import { isRelease, RELEASES, type Release } from '../base/release.js';

/** glance-common's upstream major version per release (queens = 16 ... flamingo = 31). */
const BY_MAJOR: Record<number, Release> = Object.fromEntries(RELEASES.map((r, i) => [16 + i, r]));

/** The release a distribution series ships (`distro`). Debian bookworm ships Zed. */
export const SERIES_RELEASE: Record<string, Release> = {
  bionic: 'queens',
  focal: 'ussuri',
  jammy: 'yoga',
  noble: 'caracal',
  bookworm: 'zed',
  trixie: 'epoxy',
};

export const UBUNTU_SERIES = ['bionic', 'focal', 'jammy', 'noble'];

export function releaseFromVersion(version: string): Release | undefined {
  const upstream = version.replace(/^\d+:/, '');
  const major = Number.parseInt(upstream, 10);
  return BY_MAJOR[major];
}

/** `cloud:jammy-caracal/updates` → caracal; `caracal` → caracal; `distro` → the series' own. */
export function releaseFromOrigin(origin: string, series: string | null): Release | undefined {
  const cloud = /^cloud:[a-z]+-([a-z]+)/.exec(origin);
  if (cloud?.[1] && isRelease(cloud[1])) return cloud[1];
  const bare = origin.split('/')[0] ?? '';
  if (isRelease(bare)) return bare;
  if (origin.startsWith('distro')) return series ? SERIES_RELEASE[series] : undefined;
  return undefined;
}

export interface ReleaseInputs {
  glanceCommonVersion: string | null;
  openstackReleaseFile: string | null;
  origin: string;
  series: string | null;
}

export function detectRelease(i: ReleaseInputs): Release {
  const fromFile = i.openstackReleaseFile && isRelease(i.openstackReleaseFile) ? i.openstackReleaseFile : undefined;
  return (
    (i.glanceCommonVersion ? releaseFromVersion(i.glanceCommonVersion) : undefined) ??
    fromFile ??
    releaseFromOrigin(i.origin, i.series) ??
    (i.series ? SERIES_RELEASE[i.series] : undefined) ??
    'caracal'
  );
}
