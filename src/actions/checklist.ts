/**
 * security-checklist, decided (the reference's result keys, each `PASS` or `FAIL - <why>`),
 * made true on current releases (reference Q9): the reference checked `[DEFAULT] auth_strategy`
 * and `auth_uri`, which the charm has not rendered for years, so it failed everywhere; and its
 * file checks only looked at regular files, so the directory they named was never checked.
 *
 * - file ownership and permissions: /etc/glance (the security guide's 750 on the directory
 *   protects every file in it): owner root or glance, group glance, nothing for others and no
 *   writing for the group;
 * - keystone: glance-api (and the registry before stein) authenticates with keystonemiddleware:
 *   `[paste_deploy] flavor = keystone`, a `[keystone_authtoken]` with the keystone URLs, and no
 *   other auth_strategy;
 * - TLS to keystone: those URLs are https and `insecure` is not set;
 * - before rocky, policy.json restricts `copy_from` (Check-Image-05).
 */
import { parse } from 'ini';
import { atLeast, hasRegistry, type Release } from '../base/release.js';

export interface DirFacts {
  uid: number;
  gid: number;
  mode: number;
}

export interface ChecklistFacts {
  release: Release;
  /** /etc/glance; null when it does not exist. */
  configDir: DirFacts | null;
  ids: { root: number; glanceUser: number | null; glanceGroup: number | null };
  /** File contents by name under /etc/glance (null: missing). */
  apiConf: string | null;
  registryConf: string | null;
  policyJson: string | null;
}

export type CheckResult = 'PASS' | `FAIL - ${string}`;

const DIR = '/etc/glance';
const fail = (why: string): CheckResult => `FAIL - ${why}`;
const verdict = (problems: string[]): CheckResult => (problems.length ? fail(problems.join('; ')) : 'PASS');
const octal = (mode: number): string => (mode & 0o7777).toString(8);

function ownership(f: ChecklistFacts): CheckResult {
  const dir = f.configDir;
  if (!dir) return fail(`${DIR} does not exist`);
  const problems: string[] = [];
  if (dir.uid !== f.ids.root && dir.uid !== f.ids.glanceUser) problems.push(`${DIR} is owned by uid ${dir.uid}, should be root or glance`);
  if (dir.gid !== f.ids.glanceGroup) problems.push(`${DIR} has group id ${dir.gid}, should be glance`);
  return verdict(problems);
}

function permissions(f: ChecklistFacts): CheckResult {
  const dir = f.configDir;
  if (!dir) return fail(`${DIR} does not exist`);
  if (dir.mode & 0o027) return fail(`${DIR} has mode ${octal(dir.mode)}, should be 750 or stricter (no access for others, no writing for the group)`);
  return 'PASS';
}

type Ini = Record<string, Record<string, unknown> | undefined>;

function section(conf: Ini, name: string): Record<string, unknown> {
  return conf[name] ?? {};
}

/** The services whose config the keystone checks read: glance-api, and glance-registry where it exists. */
function confs(f: ChecklistFacts): Array<[name: string, text: string | null]> {
  return hasRegistry(f.release)
    ? [['glance-api.conf', f.apiConf], ['glance-registry.conf', f.registryConf]]
    : [['glance-api.conf', f.apiConf]];
}

/** keystonemiddleware's public URL option: www_authenticate_uri (auth_uri before rocky). */
const publicAuthUrl = (authtoken: Record<string, unknown>): unknown => authtoken.www_authenticate_uri ?? authtoken.auth_uri;

function usesKeystone(f: ChecklistFacts): CheckResult {
  const problems: string[] = [];
  for (const [name, text] of confs(f)) {
    if (text === null) {
      problems.push(`${name} is missing`);
      continue;
    }
    const conf = parse(text) as Ini;
    const strategy = section(conf, 'DEFAULT').auth_strategy;
    if (strategy !== undefined && strategy !== 'keystone') problems.push(`${name} sets auth_strategy = ${String(strategy)}`);
    if (section(conf, 'paste_deploy').flavor !== 'keystone') problems.push(`${name} does not authenticate with keystone ([paste_deploy] flavor is not keystone)`);
    const authtoken = section(conf, 'keystone_authtoken');
    if (!authtoken.auth_url || !publicAuthUrl(authtoken)) problems.push(`${name} has no keystone URLs in [keystone_authtoken] (no identity-service relation yet?)`);
  }
  return verdict(problems);
}

const isSet = (v: unknown): boolean => v === true || (typeof v === 'string' && /^(true|yes|1|on)$/i.test(v));

function tlsForKeystone(f: ChecklistFacts): CheckResult {
  const problems: string[] = [];
  for (const [name, text] of confs(f)) {
    if (text === null) {
      problems.push(`${name} is missing`);
      continue;
    }
    const authtoken = section(parse(text) as Ini, 'keystone_authtoken');
    const urls: Array<[string, unknown]> = [
      [authtoken.www_authenticate_uri === undefined ? 'auth_uri' : 'www_authenticate_uri', publicAuthUrl(authtoken)],
      ['auth_url', authtoken.auth_url],
    ];
    for (const [key, url] of urls) {
      if (typeof url !== 'string' || !url.startsWith('https://')) problems.push(`${name} [keystone_authtoken] ${key} is not https (${String(url ?? 'unset')})`);
    }
    if (isSet(authtoken.insecure)) problems.push(`${name} [keystone_authtoken] insecure is set: keystone's certificate is not verified`);
  }
  return verdict(problems);
}

function copyFromRestricted(f: ChecklistFacts): CheckResult {
  if (f.policyJson === null) return fail(`${DIR}/policy.json is missing`);
  let policy: unknown;
  try {
    policy = JSON.parse(f.policyJson);
  } catch {
    return fail('policy.json is not valid JSON');
  }
  const rule = (policy as Record<string, unknown> | null)?.copy_from;
  // An empty rule lets everyone ask glance to fetch from any URL: a port scanner for the masses.
  return typeof rule === 'string' && rule.trim() !== '' ? 'PASS' : fail('policy.json should restrict copy_from (e.g. "role:admin")');
}

export function securityChecklist(f: ChecklistFacts): Record<string, CheckResult> {
  return {
    'validate-file-ownership': ownership(f),
    'validate-file-permissions': permissions(f),
    'validate-glance-uses-keystone': usesKeystone(f),
    'validate-glance-uses-tls-for-keystone': tlsForKeystone(f),
    ...(atLeast(f.release, 'rocky') ? {} : { 'prevent-masked-port-scans': copyFromRestricted(f) }),
  };
}
