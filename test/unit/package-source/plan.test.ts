/**
 * openstack-origin → the effects that make apt use it, planned for the unit (series, architecture,
 * the charm's proxy), or the blocked problem that names the option and says why.
 */
import { describe, expect, it } from 'vitest';
import { type SourcePlan, planPackageSource, type SourceTarget, withPackageSource } from '../../../src/package-source/plan.js';
import type { Effect } from '../../../src/plan.js';

const UCA = 'http://ubuntu-cloud.archive.canonical.com/ubuntu';
const PUBLIC = { user: 'root', group: 'root', mode: 0o644 };
const file = (path: string, content: string): Effect => ({ kind: 'write-file', path, content, owner: PUBLIC });
const keyring: Effect = { kind: 'apt-install', packages: ['ubuntu-cloud-keyring'] };
const cloud = (pocket: string): Effect[] => [
  keyring,
  file('/etc/apt/sources.list.d/cloud-archive.list', `# Ubuntu Cloud Archive\ndeb ${UCA} ${pocket} main\n`),
];
const repo = (spec: string, env?: Record<string, string>): Effect[] => [
  { kind: 'command', argv: ['add-apt-repository', '--yes', spec], ...(env ? { env } : {}), retries: 2 },
];
const proposed = (mirror: string, series: string): Effect[] => [
  file('/etc/apt/sources.list.d/proposed.list', `# Proposed\ndeb ${mirror} ${series}-proposed main universe multiverse restricted\n`),
];
const on = (series: string | null, arch = 'x64', proxy?: Record<string, string>): SourceTarget => ({ series, arch, proxy });
const planned = (origin: string, target: SourceTarget): Effect[] => {
  const plan = planPackageSource(origin, target);
  if (!plan.ok) throw new Error(plan.problem.message);
  return plan.effects;
};
const refused = (origin: string, target: SourceTarget): SourcePlan => planPackageSource(origin, target);

const KEY = '-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQINBF\n-----END PGP PUBLIC KEY BLOCK-----';

describe('openstack-origin → apt effects', () => {
  it.each<[string, string, Effect[]]>([
    ['distro', 'noble', []],
    ['caracal', 'noble', []],
    ['yoga', 'jammy', []],
    ['queens', 'bionic', []],
    ['caracal', 'jammy', cloud('jammy-updates/caracal')],
    ['epoxy', 'noble', cloud('noble-updates/epoxy')],
    ['flamingo/proposed', 'noble', cloud('noble-proposed/flamingo')],
    ['cloud:jammy-caracal', 'jammy', cloud('jammy-updates/caracal')],
    ['cloud:jammy-zed', 'jammy', cloud('jammy-updates/zed')],
    ['cloud:jammy-caracal/updates', 'jammy', cloud('jammy-updates/caracal')],
    ['cloud:jammy-updates/caracal', 'jammy', cloud('jammy-updates/caracal')],
    ['cloud:jammy-caracal/proposed', 'jammy', cloud('jammy-proposed/caracal')],
    ['cloud:jammy-proposed/caracal', 'jammy', cloud('jammy-proposed/caracal')],
    ['cloud:caracal', 'jammy', cloud('jammy-updates/caracal')],
    ['cloud:caracal/proposed', 'jammy', cloud('jammy-proposed/caracal')],
    ['cloud:focal-yoga', 'focal', cloud('focal-updates/yoga')],
    ['cloud:bionic-ussuri', 'bionic', cloud('bionic-updates/ussuri')],
    ['cloud:noble-dalmatian', 'noble', cloud('noble-updates/dalmatian')],
    ['cloud:noble-dalmatian/staging', 'noble', repo('ppa:ubuntu-cloud-archive/dalmatian-staging')],
    ['ppa:openstack-ubuntu-testing/caracal', 'jammy', repo('ppa:openstack-ubuntu-testing/caracal')],
    ['cloud-archive:caracal', 'jammy', repo('cloud-archive:caracal')],
    ['http://mirror.example.com/ubuntu {series} main', 'noble', repo('http://mirror.example.com/ubuntu noble main')],
    ['https://mirror.example.com/ubuntu noble main', 'noble', repo('https://mirror.example.com/ubuntu noble main')],
    ['proposed', 'noble', proposed('http://archive.ubuntu.com/ubuntu', 'noble')],
    ['distro-proposed', 'jammy', proposed('http://archive.ubuntu.com/ubuntu', 'jammy')],
    ['caracal/proposed', 'noble', proposed('http://archive.ubuntu.com/ubuntu', 'noble')],
    ['  distro  ', 'noble', []],
    [
      'deb http://mirror.example.com/uca {series}-updates/caracal main',
      'jammy',
      [file('/etc/apt/sources.list.d/openstack-origin.list', 'deb http://mirror.example.com/uca jammy-updates/caracal main\n')],
    ],
    [
      'deb [arch=amd64] https://mirror.example.com/ubuntu noble main',
      'noble',
      [file('/etc/apt/sources.list.d/openstack-origin.list', 'deb [arch=amd64] https://mirror.example.com/ubuntu noble main\n')],
    ],
    // An empty key after "|" is no key.
    ['deb http://mirror.example.com/ubuntu noble main|', 'noble', [file('/etc/apt/sources.list.d/openstack-origin.list', 'deb http://mirror.example.com/ubuntu noble main\n')]],
  ])('%s on %s', (origin, series, expected) => {
    expect(planned(origin, on(series))).toEqual(expected);
  });

  it('uses the ports mirror for -proposed on other architectures', () => {
    expect(planned('distro-proposed', on('noble', 'arm64'))).toEqual(proposed('http://ports.ubuntu.com/ubuntu-ports', 'noble'));
  });

  it('writes an ASCII-armoured key given after "|" before the source, after the packages the source needs', () => {
    expect(planned(`deb http://mirror.example.com/ubuntu noble main|${KEY}`, on('noble'))).toEqual([
      file('/etc/apt/trusted.gpg.d/openstack-origin.asc', `${KEY}\n`),
      file('/etc/apt/sources.list.d/openstack-origin.list', 'deb http://mirror.example.com/ubuntu noble main\n'),
    ]);
    expect(planned(`cloud:jammy-caracal|${KEY}`, on('jammy'))).toEqual([
      keyring,
      file('/etc/apt/trusted.gpg.d/openstack-origin.asc', `${KEY}\n`),
      ...cloud('jammy-updates/caracal').slice(1),
    ]);
  });

  it("gives add-apt-repository the charm's proxy, and nothing else gets it", () => {
    const proxy = { http_proxy: 'http://squid:3128', https_proxy: 'http://squid:3129', no_proxy: '10.0.0.0/8' };
    expect(planned('ppa:team/glance', on('noble', 'x64', proxy))).toEqual(repo('ppa:team/glance', proxy));
    expect(planned('cloud:jammy-caracal', on('jammy', 'x64', proxy))).toEqual(cloud('jammy-updates/caracal'));
  });

  it('needs no series for what does not name one', () => {
    expect(planned('distro', on(null))).toEqual([]);
    expect(planned('ppa:team/glance', on(null))).toEqual(repo('ppa:team/glance'));
  });
});

describe('an openstack-origin this unit cannot use is a blocked problem naming the option', () => {
  it.each([
    ['cloud:focal-zed', 'jammy', 'openstack-origin: "cloud:focal-zed" is for focal, but this unit runs jammy'],
    ['cloud:focal-caracal', 'noble', 'openstack-origin: "cloud:focal-caracal" is for focal, but this unit runs noble'],
    ['cloud:focal-yoga/staging', 'jammy', 'openstack-origin: "cloud:focal-yoga/staging" is for focal, but this unit runs jammy'],
    ['cloud:jammy-nosuch', 'jammy', 'openstack-origin: "cloud:jammy-nosuch" is not in the Ubuntu Cloud Archive for jammy (zed to caracal are)'],
    ['cloud:jammy-dalmatian', 'jammy', 'openstack-origin: "cloud:jammy-dalmatian" is not in the Ubuntu Cloud Archive for jammy (zed to caracal are)'],
    // The series' own release comes from its own archive: distro.
    ['cloud:jammy-yoga', 'jammy', 'openstack-origin: "cloud:jammy-yoga" is not in the Ubuntu Cloud Archive for jammy (zed to caracal are)'],
    ['cloud:nosuch', 'noble', 'openstack-origin: "cloud:nosuch" is not in the Ubuntu Cloud Archive for noble (dalmatian to flamingo are)'],
    ['dalmatian', 'jammy', 'openstack-origin: "dalmatian" is not available on jammy (yoga to caracal are)'],
    // Older than the base supports.
    ['yoga', 'noble', 'openstack-origin: "yoga" is not available on noble (caracal to flamingo are)'],
    ['queens/proposed', 'noble', 'openstack-origin: "queens/proposed" is not available on noble (caracal to flamingo are)'],
    ['caracal', 'plucky', 'openstack-origin: "caracal" is not available on plucky (only distro is)'],
    ['caracal', 'bookworm', 'openstack-origin: "caracal" is not available on bookworm (only distro is)'],
    ['caracal/updates', 'noble', 'openstack-origin: "caracal/updates" is not a package source this charm knows'],
    ['caracal/staging', 'noble', 'openstack-origin: "caracal/staging" is not a package source this charm knows'],
    ['havana-ish', 'noble', 'openstack-origin: "havana-ish" is not a package source this charm knows'],
    ['diablo', 'noble', 'openstack-origin: "diablo" is not a package source this charm knows'],
    ['garbage!', 'noble', 'openstack-origin: "garbage!" is not a package source this charm knows'],
    ['', 'noble', 'openstack-origin: "" is not a package source this charm knows'],
    [
      'deb http://x noble main|5EDB1B62EC4926EA',
      'noble',
      'openstack-origin: the key after "|" is not an ASCII-armoured PGP key (fetching a key by its id is not supported)',
    ],
    ['caracal', null, `openstack-origin: "caracal" needs the Ubuntu series, and this unit's /etc/os-release names no series`],
    ['distro-proposed', null, `openstack-origin: "distro-proposed" needs the Ubuntu series, and this unit's /etc/os-release names no series`],
    ['deb http://x {series} main', null, `openstack-origin: "deb http://x {series} main" needs the Ubuntu series, and this unit's /etc/os-release names no series`],
    ['cloud:jammy-caracal', null, `openstack-origin: "cloud:jammy-caracal" is for jammy, but this unit's /etc/os-release names no series`],
  ])('%s on %s', (origin, series, message) => {
    expect(refused(origin, on(series))).toEqual({ ok: false, problem: { severity: 'blocked', source: 'openstack-origin', message } });
  });

  it('quotes a long value shortened, as other options do', () => {
    const long = `cloud:focal-${'x'.repeat(80)}`;
    const plan = refused(long, on('jammy'));
    expect(plan.ok ? '' : plan.problem.message).toMatch(/^openstack-origin: "cloud:focal-x+… is for focal, but this unit runs jammy$/);
  });
});

describe('withPackageSource (decide)', () => {
  const snap = (series: string | null) => ({
    host: { osCodename: series, arch: 'x64' } as never,
    hook: { charmProxy: { https_proxy: 'http://squid:3129' } } as never,
  });
  const syntax = { severity: 'blocked' as const, source: 'openstack-origin', message: 'openstack-origin: "x y" is not a package source' };
  const other = { severity: 'blocked' as const, source: 'vip', message: 'vip: bad' };

  it('plans what parseConfig accepted, with the hook context proxy', () => {
    const out = withPackageSource({ config: { 'openstack-origin': 'ppa:team/glance' }, problems: [other] }, snap('noble'));
    expect(out).toEqual({ packageSource: { ok: true, effects: repo('ppa:team/glance', { https_proxy: 'http://squid:3129' }) }, configProblems: [other] });
  });

  it('adds the problem of an origin this unit cannot use to the config problems', () => {
    const out = withPackageSource({ config: { 'openstack-origin': 'cloud:focal-zed' }, problems: [other] }, snap('jammy'));
    const problem = { severity: 'blocked', source: 'openstack-origin', message: 'openstack-origin: "cloud:focal-zed" is for focal, but this unit runs jammy' };
    expect(out).toEqual({ packageSource: { ok: false, problem }, configProblems: [other, problem] });
  });

  it('does not plan the default parseConfig put in place of a rejected value: its problem stands alone', () => {
    // parseConfig hands back the default (caracal), which bionic could not use either.
    const out = withPackageSource({ config: { 'openstack-origin': 'caracal' }, problems: [syntax] }, snap('bionic'));
    expect(out).toEqual({ packageSource: { ok: false, problem: syntax }, configProblems: [syntax] });
  });
});
