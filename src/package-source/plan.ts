/**
 * openstack-origin → what apt needs, planned before anything runs: the semantics of
 * charm-helpers' `configure_installation_source` / `add_source` (reference/charm-glance.md,
 * option 5). Pure: the unit's series and architecture and the charm's proxy come from the
 * Snapshot, and an origin this unit cannot use is a config Problem (the unit is blocked and
 * nothing is written), not a hook that fails half way through configuring apt.
 *
 *   distro                         nothing: the series' own archive
 *   proposed | distro-proposed     the series' -proposed pocket
 *   cloud:<series>-<release>[/updates|/proposed], cloud:<series>-updates/<release>,
 *   cloud:<release>[/proposed]     the Ubuntu Cloud Archive pocket (+ ubuntu-cloud-keyring)
 *   cloud:<series>-<release>/staging  the cloud archive staging PPA
 *   <release>[/proposed]           distro when it is the series' own release, else its cloud pocket
 *   ppa:..., http(s)://..., cloud-archive:...   add-apt-repository, with the charm's proxy
 *   deb ...                        a sources.list.d file
 * A trailing `|<ASCII-armoured key>` is written to apt's trusted keys; `{series}` becomes the series.
 *
 * src/config/origin.ts checks the value's form on every hook; this checks it against the unit.
 * The effects come in the order apt needs them: what the new source needs to be trusted
 * (packages, then the key), the source, then the commands. `apt-get update` is the caller's.
 */
import { PUBLIC } from '../base/owners.js';
import { blocked, type Problem } from '../base/problem.js';
import { show } from '../config/check.js';
import type { GlanceConfig } from '../config/index.js';
import type { Effect } from '../plan.js';
import type { Snapshot } from '../snapshot.js';

/** The unit the origin is planned for, from the Snapshot. */
export interface SourceTarget {
  /** VERSION_CODENAME of /etc/os-release; null when it names none. */
  series: string | null;
  /** As Node names it (x64, arm64, ...). */
  arch: string;
  /** The charm's proxy for what it downloads itself (http_proxy, https_proxy, no_proxy), if any. */
  proxy?: Readonly<Record<string, string>>;
}

export type SourcePlan = { ok: true; effects: Effect[] } | { ok: false; problem: Problem };

export const OPTION = 'openstack-origin' as const;

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
export const CLOUD_ARCHIVE_LIST = '/etc/apt/sources.list.d/cloud-archive.list';
export const PROPOSED_LIST = '/etc/apt/sources.list.d/proposed.list';
export const ORIGIN_LIST = '/etc/apt/sources.list.d/openstack-origin.list';
export const ORIGIN_KEY = '/etc/apt/trusted.gpg.d/openstack-origin.asc';
/** What the add-apt-repository commands get: mirrors fail transiently. */
const RETRIES = 2;

/** Why this unit cannot use the origin: the status message after "openstack-origin: ". */
interface Refusal {
  why: string;
}
type Planned = Effect[] | Refusal;

/** The unit the rules see: the origin with `{series}` replaced. */
interface Target {
  origin: string;
  series: string | null;
  arch: string;
  proxy: Readonly<Record<string, string>>;
}

const NO_SERIES = 'this unit\'s /etc/os-release names no series';

const refuse = (why: string): Refusal => ({ why });
const isRefusal = (p: Planned): p is Refusal => !Array.isArray(p);
const sourceFile = (path: string, content: string): Effect => ({ kind: 'write-file', path, content, owner: PUBLIC });

function addAptRepository(spec: string, { proxy }: Target): Effect[] {
  const env = Object.keys(proxy).length > 0 ? { env: { ...proxy } } : {};
  return [{ kind: 'command', argv: ['add-apt-repository', '--yes', spec], ...env, retries: RETRIES }];
}

/** `zed to caracal`: the releases a series' Cloud Archive (and with `own`, its own archive) offers. */
function offered(series: string, own: boolean): string {
  const s = SERIES[series];
  const all = s ? [...(own ? [s.own] : []), ...s.cloud] : [];
  return all.length > 1 ? `${all[0]} to ${all.at(-1)}` : (all[0] ?? 'nothing');
}

function cloudPocket(pocket: string, { origin, series }: Target): Planned {
  const actual = CLOUD_POCKETS.get(pocket);
  if (!actual) {
    const range = series && SERIES[series] ? ` for ${series} (${offered(series, false)} are)` : '';
    return refuse(`${show(origin)} is not in the Ubuntu Cloud Archive${range}`);
  }
  return [
    { kind: 'apt-install', packages: ['ubuntu-cloud-keyring'] },
    sourceFile(CLOUD_ARCHIVE_LIST, `# Ubuntu Cloud Archive\ndeb ${UCA_URL} ${actual} main\n`),
  ];
}

function proposedPocket({ origin, series, arch }: Target): Planned {
  if (!series) return refuse(`${show(origin)} needs the Ubuntu series, and ${NO_SERIES}`);
  // Only amd64 lives on archive.ubuntu.com; the other architectures are on ports.
  const mirror = arch === 'x64' ? 'http://archive.ubuntu.com/ubuntu' : 'http://ports.ubuntu.com/ubuntu-ports';
  return [sourceFile(PROPOSED_LIST, `# Proposed\ndeb ${mirror} ${series}-proposed main universe multiverse restricted\n`)];
}

/** `cloud:<series>-...` names the series it is for: it must be this unit's. */
function forThisSeries(wanted: string, { origin, series }: Target, plan: () => Planned): Planned {
  if (wanted === series) return plan();
  return refuse(`${show(origin)} is for ${wanted}, but ${series ? `this unit runs ${series}` : NO_SERIES}`);
}

/** A bare release: the series' own archive (or its -proposed), else the cloud pocket that carries it. */
function bareRelease(release: string, proposed: boolean, target: Target): Planned {
  const { origin, series } = target;
  if (!RELEASES.has(release)) return refuse(`${show(origin)} is not a package source this charm knows`);
  if (!series) return refuse(`${show(origin)} needs the Ubuntu series, and ${NO_SERIES}`);
  const pocket = `${series}-${release}${proposed ? '/proposed' : ''}`;
  if (CLOUD_POCKETS.has(pocket)) return cloudPocket(pocket, target);
  const own = SERIES[series]?.own;
  if (own !== release) {
    const range = own ? `${offered(series, true)} are` : 'only distro is';
    return refuse(`${show(origin)} is not available on ${series} (${range})`);
  }
  return proposed ? proposedPocket(target) : [];
}

/** (pattern, handler) in charm-helpers' order: the first match wins; handlers get the groups. */
type Rule = [RegExp, (groups: string[], target: Target) => Planned];
const RULES: Rule[] = [
  [/^distro$/, () => []],
  [/^(?:proposed|distro-proposed)$/, (_, target) => proposedPocket(target)],
  [/^(cloud-archive:.*)$/, ([spec = ''], target) => addAptRepository(spec, target)],
  [/^((?:http:|https:|ppa:).*)$/, ([spec = ''], target) => addAptRepository(spec, target)],
  [/^(deb .*)$/, ([line = '']) => [sourceFile(ORIGIN_LIST, `${line}\n`)]],
  [
    /^cloud:(.*)-(.*)\/staging$/,
    ([wanted = '', release = ''], target) =>
      forThisSeries(wanted, target, () => addAptRepository(`ppa:ubuntu-cloud-archive/${release}-staging`, target)),
  ],
  [
    /^cloud:(.*)-(.*)$/,
    ([wanted = '', rest = ''], target) => forThisSeries(wanted, target, () => cloudPocket(`${wanted}-${rest}`, target)),
  ],
  [/^cloud:(.*)$/, ([pocket = ''], target) => cloudPocket(pocket, target)],
  [/^([a-z]+)(\/proposed)?$/, ([release = '', proposed], target) => bareRelease(release, proposed !== undefined, target)],
];

const ARMOURED_KEY = /-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*-----END PGP PUBLIC KEY BLOCK-----/;

/** `deb http://… main|-----BEGIN PGP…` → source and key. Fetching a key by id from a keyserver is not done. */
function splitKey(value: string): { source: string; key?: string } | Refusal {
  const bar = value.indexOf('|');
  if (bar < 0) return { source: value };
  const key = value.slice(bar + 1).trim();
  const source = value.slice(0, bar).trim();
  if (key === '') return { source };
  if (!ARMOURED_KEY.test(key)) {
    return refuse('the key after "|" is not an ASCII-armoured PGP key (fetching a key by its id is not supported)');
  }
  return { source, key };
}

function plan(originWithKey: string, { series, arch, proxy = {} }: SourceTarget): Planned {
  const split = splitKey(originWithKey.trim());
  if ('why' in split) return split;
  const known = series || null;
  if (!known && split.source.includes('{series}')) return refuse(`${show(split.source)} needs the Ubuntu series, and ${NO_SERIES}`);
  const target: Target = { origin: known ? split.source.replaceAll('{series}', known) : split.source, series: known, arch, proxy };
  const rule = RULES.find(([pattern]) => pattern.test(target.origin));
  if (!rule) return refuse(`${show(target.origin)} is not a package source this charm knows`);
  const [pattern, handler] = rule;
  const planned = handler((pattern.exec(target.origin) ?? []).slice(1), target);
  if (isRefusal(planned) || !split.key) return planned;
  // The key before the source: apt must trust the source once it sees it. Packages still come first.
  const packages = planned.filter((e) => e.kind === 'apt-install');
  const rest = planned.filter((e) => e.kind !== 'apt-install');
  return [...packages, sourceFile(ORIGIN_KEY, `${split.key}\n`), ...rest];
}

/** `originWithKey` as configured; the effects that make apt use it, or why this unit cannot. */
export function planPackageSource(originWithKey: string, target: SourceTarget): SourcePlan {
  const planned = plan(originWithKey, target);
  return isRefusal(planned) ? { ok: false, problem: blocked(OPTION, `${OPTION}: ${planned.why}`) } : { ok: true, effects: planned };
}

/**
 * For decide(): openstack-origin as parseConfig left it, planned for the unit the snapshot
 * describes. A value parseConfig rejected is not planned (its problem stands); one this unit
 * cannot use joins the config problems, so the unit is blocked and no file is rewritten.
 */
export function withPackageSource(
  parsed: { config: Pick<GlanceConfig, typeof OPTION>; problems: Problem[] },
  snap: Pick<Snapshot, 'host' | 'hook'>,
): { packageSource: SourcePlan; configProblems: Problem[] } {
  const rejected = parsed.problems.find((p) => p.source === OPTION);
  if (rejected) return { packageSource: { ok: false, problem: rejected }, configProblems: parsed.problems };
  const target = { series: snap.host.osCodename, arch: snap.host.arch, proxy: snap.hook.charmProxy };
  const packageSource = planPackageSource(parsed.config[OPTION], target);
  return { packageSource, configProblems: packageSource.ok ? parsed.problems : [...parsed.problems, packageSource.problem] };
}
