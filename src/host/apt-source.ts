/**
 * What an `openstack-origin` value asks of apt, as data (no I/O): the semantics of charm-helpers'
 * `configure_installation_source` / `add_source` (reference/charm-glance.md, option 5).
 *
 *   distro                         nothing: the series' own archive
 *   proposed | distro-proposed     the series' -proposed pocket
 *   cloud:<series>-<release>[/updates|/proposed], cloud:<release>[/proposed], cloud:<series>-updates/<release>
 *                                  the Ubuntu Cloud Archive pocket (+ ubuntu-cloud-keyring)
 *   cloud:<series>-<release>/staging  the cloud archive staging PPA
 *   <release>[/proposed]           distro when it is the series' own release, else its cloud pocket
 *   ppa:..., http(s)://..., cloud-archive:...   add-apt-repository
 *   deb ...                        a sources.list.d file
 * A trailing `|<ASCII-armoured key>` is written to apt's trusted keys.
 */

export interface SourceSetup {
  /** Installed first: what the new source needs to be trusted. */
  packages: string[];
  /** Absolute host paths and their content. */
  files: { path: string; content: string }[];
  commands: string[][];
}

export class SourceConfigError extends Error {
  override readonly name = 'SourceConfigError';
}

/** Ubuntu series → the OpenStack release it ships, and the later ones its Cloud Archive carries. */
const SERIES: Record<string, { own: string; cloud: readonly string[] }> = {
  bionic: { own: 'queens', cloud: ['rocky', 'stein', 'train', 'ussuri'] },
  focal: { own: 'ussuri', cloud: ['victoria', 'wallaby', 'xena', 'yoga'] },
  jammy: { own: 'yoga', cloud: ['zed', 'antelope', 'bobcat', 'caracal'] },
  noble: { own: 'caracal', cloud: ['dalmatian', 'epoxy', 'flamingo'] },
};

const RELEASES = new Set(Object.values(SERIES).flatMap((s) => [s.own, ...s.cloud]));

/** Every spelling of a cloud archive pocket → the pocket apt knows (charm-helpers' CLOUD_ARCHIVE_POCKETS). */
const CLOUD_POCKETS: ReadonlyMap<string, string> = new Map(
  Object.entries(SERIES).flatMap(([series, { cloud }]) =>
    cloud.flatMap((r): [string, string][] => {
      const updates = `${series}-updates/${r}`;
      const proposed = `${series}-proposed/${r}`;
      return [
        [r, updates],
        [`${r}/updates`, updates],
        [`${series}-${r}`, updates],
        [`${series}-${r}/updates`, updates],
        [updates, updates],
        [`${r}/proposed`, proposed],
        [`${series}-${r}/proposed`, proposed],
        [proposed, proposed],
      ];
    }),
  ),
);

const CLOUD_ARCHIVE_URL = 'http://ubuntu-cloud.archive.canonical.com/ubuntu';
export const CLOUD_ARCHIVE_LIST = '/etc/apt/sources.list.d/cloud-archive.list';
export const PROPOSED_LIST = '/etc/apt/sources.list.d/proposed.list';
export const ORIGIN_LIST = '/etc/apt/sources.list.d/openstack-origin.list';
export const ORIGIN_KEY = '/etc/apt/trusted.gpg.d/openstack-origin.asc';

const nothing = (): SourceSetup => ({ packages: [], files: [], commands: [] });

const addAptRepository = (spec: string): SourceSetup => ({
  ...nothing(),
  commands: [['add-apt-repository', '--yes', spec]],
});

function cloudPocket(origin: string, pocket: string): SourceSetup {
  const actual = CLOUD_POCKETS.get(pocket);
  if (!actual) throw new SourceConfigError(`openstack-origin "${origin}": no Cloud Archive pocket "${pocket}"`);
  return {
    packages: ['ubuntu-cloud-keyring'],
    files: [{ path: CLOUD_ARCHIVE_LIST, content: `# Ubuntu Cloud Archive\ndeb ${CLOUD_ARCHIVE_URL} ${actual} main\n` }],
    commands: [],
  };
}

function proposedPocket(series: string, arch: string): SourceSetup {
  // Only amd64 lives on archive.ubuntu.com; the other architectures are on ports.
  const mirror = arch === 'x64' ? 'http://archive.ubuntu.com/ubuntu' : 'http://ports.ubuntu.com/ubuntu-ports';
  return {
    ...nothing(),
    files: [{ path: PROPOSED_LIST, content: `# Proposed\ndeb ${mirror} ${series}-proposed main universe multiverse restricted\n` }],
  };
}

function sameSeries(origin: string, wanted: string, series: string): void {
  if (wanted !== series) {
    throw new SourceConfigError(`openstack-origin "${origin}" is for ${wanted}, but this unit runs ${series}`);
  }
}

/** A bare release: the series' own archive (optionally its -proposed), or the cloud pocket that carries it. */
function bareRelease(origin: string, release: string, proposed: boolean, series: string, arch: string): SourceSetup {
  const pocket = `${series}-${release}${proposed ? '/proposed' : ''}`;
  if (CLOUD_POCKETS.has(pocket)) return cloudPocket(origin, pocket);
  const known = SERIES[series];
  if (!known) throw new SourceConfigError(`openstack-origin "${origin}": Ubuntu series "${series}" is not known`);
  if (known.own !== release) {
    throw new SourceConfigError(`openstack-origin "${origin}": ${release} is not available on ${series}`);
  }
  return proposed ? proposedPocket(series, arch) : nothing();
}

/** `(pattern, handler)` in charm-helpers' order: the first match wins. */
type Rule = [RegExp, (m: string[], origin: string, series: string, arch: string) => SourceSetup];
const RULES: Rule[] = [
  [/^distro$/, () => nothing()],
  [/^(?:proposed|distro-proposed)$/, (_m, _o, series, arch) => proposedPocket(series, arch)],
  [/^(cloud-archive:.*)$/, ([spec = ''], _o, series) => addAptRepository(spec.replaceAll('{series}', series))],
  [/^((?:http:|https:|ppa:).*)$/, ([spec = ''], _o, series) => addAptRepository(spec.replaceAll('{series}', series))],
  [
    /^(deb .*)$/,
    ([line = ''], _o, series) => ({ ...nothing(), files: [{ path: ORIGIN_LIST, content: `${line.replaceAll('{series}', series)}\n` }] }),
  ],
  [
    /^cloud:(.*)-(.*)\/staging$/,
    ([wanted = '', release = ''], origin, series) => {
      sameSeries(origin, wanted, series);
      return addAptRepository(`ppa:ubuntu-cloud-archive/${release}-staging`);
    },
  ],
  [
    /^cloud:(.*)-(.*)$/,
    ([wanted = '', rest = ''], origin, series) => {
      sameSeries(origin, wanted, series);
      return cloudPocket(origin, `${wanted}-${rest}`);
    },
  ],
  [/^cloud:(.*)$/, ([pocket = ''], origin) => cloudPocket(origin, pocket)],
  [
    /^([a-z]+)(\/proposed)?$/,
    ([release = '', proposed], origin, series, arch) => {
      if (!RELEASES.has(release)) throw new SourceConfigError(`openstack-origin "${origin}" is not a known source`);
      return bareRelease(origin, release, proposed !== undefined, series, arch);
    },
  ],
];

const ARMOURED_KEY = /-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*-----END PGP PUBLIC KEY BLOCK-----/;

/** `origin` as configured (optionally `source|key`), `series` from /etc/os-release, `arch` as Node names it. */
export function sourceSetup(originWithKey: string, series: string, arch: string): SourceSetup {
  const [origin = '', key] = splitKey(originWithKey.trim());
  for (const [pattern, handler] of RULES) {
    const m = pattern.exec(origin);
    if (!m) continue;
    const setup = handler(m.slice(1), origin, series, arch);
    return key ? { ...setup, files: [{ path: ORIGIN_KEY, content: `${key}\n` }, ...setup.files] } : setup;
  }
  throw new SourceConfigError(`openstack-origin "${origin}" is not a known source`);
}

/** `deb http://… main|-----BEGIN PGP…` → [source, key]. Fetching a key by id from a keyserver is not done. */
function splitKey(value: string): [string, string?] {
  const bar = value.indexOf('|');
  if (bar < 0) return [value];
  const key = value.slice(bar + 1).trim();
  const source = value.slice(0, bar).trim();
  if (key === '') return [source];
  if (!ARMOURED_KEY.test(key)) {
    throw new SourceConfigError(`openstack-origin "${source}": the key after "|" must be an ASCII-armoured PGP public key`);
  }
  return [source, key];
}
