/**
 * What an `openstack-origin` value asks of apt, as data (no I/O): the semantics of charm-helpers'
 * `configure_installation_source` / `add_source` (reference/charm-glance.md, option 5).
 *
 *   distro                         nothing: the series' own archive
 *   proposed | distro-proposed     the series' -proposed pocket
 *   cloud:<series>-<release>[/updates|/proposed], cloud:<series>-updates/<release>,
 *   cloud:<release>[/proposed]     the Ubuntu Cloud Archive pocket (+ ubuntu-cloud-keyring)
 *   cloud:<series>-<release>/staging  the cloud archive staging PPA
 *   <release>[/proposed]           distro when it is the series' own release, else its cloud pocket
 *   ppa:..., http(s)://..., cloud-archive:...   add-apt-repository
 *   deb ...                        a sources.list.d file
 * A trailing `|<ASCII-armoured key>` is written to apt's trusted keys; `{series}` becomes the series.
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

const UCA_URL = 'http://ubuntu-cloud.archive.canonical.com/ubuntu';
const CLOUD_ARCHIVE_LIST = '/etc/apt/sources.list.d/cloud-archive.list';
const PROPOSED_LIST = '/etc/apt/sources.list.d/proposed.list';
const ORIGIN_LIST = '/etc/apt/sources.list.d/openstack-origin.list';
const ORIGIN_KEY = '/etc/apt/trusted.gpg.d/openstack-origin.asc';

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
    files: [{ path: CLOUD_ARCHIVE_LIST, content: `# Ubuntu Cloud Archive\ndeb ${UCA_URL} ${actual} main\n` }],
    commands: [],
  };
}

function proposedPocket({ series, arch }: Target): SourceSetup {
  // Only amd64 lives on archive.ubuntu.com; the other architectures are on ports.
  const mirror = arch === 'x64' ? 'http://archive.ubuntu.com/ubuntu' : 'http://ports.ubuntu.com/ubuntu-ports';
  const content = `# Proposed\ndeb ${mirror} ${series}-proposed main universe multiverse restricted\n`;
  return { ...nothing(), files: [{ path: PROPOSED_LIST, content }] };
}

function sameSeries(wanted: string, { origin, series }: Target): void {
  if (wanted !== series) {
    throw new SourceConfigError(`openstack-origin "${origin}" is for ${wanted}, but this unit runs ${series}`);
  }
}

/** A bare release: the series' own archive (or its -proposed), else the cloud pocket that carries it. */
function bareRelease(release: string, proposed: boolean, target: Target): SourceSetup {
  const { origin, series } = target;
  if (!RELEASES.has(release)) throw new SourceConfigError(`openstack-origin "${origin}" is not a known source`);
  const pocket = `${series}-${release}${proposed ? '/proposed' : ''}`;
  if (CLOUD_POCKETS.has(pocket)) return cloudPocket(origin, pocket);
  const own = SERIES[series]?.own;
  if (!own) throw new SourceConfigError(`openstack-origin "${origin}": Ubuntu series "${series}" is not known`);
  if (own !== release) {
    throw new SourceConfigError(`openstack-origin "${origin}": ${release} is not available on ${series}`);
  }
  return proposed ? proposedPocket(target) : nothing();
}

/** What the origin is applied to. */
interface Target {
  origin: string;
  series: string;
  arch: string;
}

/** (pattern, handler) in charm-helpers' order: the first match wins; handlers get the groups. */
type Rule = [RegExp, (groups: string[], target: Target) => SourceSetup];
const RULES: Rule[] = [
  [/^distro$/, () => nothing()],
  [/^(?:proposed|distro-proposed)$/, (_, target) => proposedPocket(target)],
  [/^(cloud-archive:.*)$/, ([spec = '']) => addAptRepository(spec)],
  [/^((?:http:|https:|ppa:).*)$/, ([spec = '']) => addAptRepository(spec)],
  [/^(deb .*)$/, ([line = '']) => ({ ...nothing(), files: [{ path: ORIGIN_LIST, content: `${line}\n` }] })],
  [
    /^cloud:(.*)-(.*)\/staging$/,
    ([wanted = '', release = ''], target) => {
      sameSeries(wanted, target);
      return addAptRepository(`ppa:ubuntu-cloud-archive/${release}-staging`);
    },
  ],
  [
    /^cloud:(.*)-(.*)$/,
    ([wanted = '', rest = ''], target) => {
      sameSeries(wanted, target);
      return cloudPocket(target.origin, `${wanted}-${rest}`);
    },
  ],
  [/^cloud:(.*)$/, ([pocket = ''], { origin }) => cloudPocket(origin, pocket)],
  [/^([a-z]+)(\/proposed)?$/, ([release = '', proposed], t) => bareRelease(release, proposed !== undefined, t)],
];

const ARMOURED_KEY = /-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*-----END PGP PUBLIC KEY BLOCK-----/;

/**
 * `originWithKey` as configured (optionally `source|key`; `{series}` is replaced by the series),
 * `series` from /etc/os-release, `arch` as Node names it.
 */
export function sourceSetup(originWithKey: string, series: string, arch: string): SourceSetup {
  const [source = '', key] = splitKey(originWithKey.trim());
  const target = { origin: source.replaceAll('{series}', series), series, arch };
  for (const [pattern, handler] of RULES) {
    const m = pattern.exec(target.origin);
    if (!m) continue;
    const setup = handler(m.slice(1), target);
    return key ? { ...setup, files: [{ path: ORIGIN_KEY, content: `${key}\n` }, ...setup.files] } : setup;
  }
  throw new SourceConfigError(`openstack-origin "${target.origin}" is not a known source`);
}

/** `deb http://… main|-----BEGIN PGP…` → [source, key]. Fetching a key by id from a keyserver is not done. */
function splitKey(value: string): [string, string?] {
  const bar = value.indexOf('|');
  if (bar < 0) return [value];
  const key = value.slice(bar + 1).trim();
  const source = value.slice(0, bar).trim();
  if (key === '') return [source];
  if (!ARMOURED_KEY.test(key)) {
    throw new SourceConfigError(`openstack-origin "${source}": the key after "|" must be an ASCII-armoured PGP key`);
  }
  return [source, key];
}
