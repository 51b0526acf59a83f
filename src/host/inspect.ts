/**
 * The host facts one hook needs (the HostSnapshot of src/snapshot.ts), read in parallel. Every
 * source is a command on PATH or a file under $CHARM_FS_ROOT, so the simulator can supply them.
 */
import { availableParallelism } from 'node:os';
import { arch } from 'node:process';
import { z } from 'zod';
import type { HostAddress, HostSnapshot } from '../snapshot.js';
import { readFiles, readModes } from './files.js';
import { tryCommand } from './run.js';
import { howItEnded } from './spawn.js';

/** `packages`: the packages installed on demand whose versions the decision needs (ceph-common). */
export async function readHostFacts(
  managedPaths: readonly string[],
  packages: readonly string[] = [],
): Promise<HostSnapshot> {
  const [files, modes, versions, env, inContainer, addresses] = await Promise.all([
    readFiles(managedPaths),
    readModes(managedPaths),
    installedVersions(['glance-common', ...packages]),
    readFiles(['/etc/openstack-release', '/etc/os-release']),
    runsInContainer(),
    hostAddresses(),
  ]);
  return {
    files,
    modes,
    glanceCommonVersion: versions['glance-common'] ?? null,
    ...(packages.length > 0 ? { packages: Object.fromEntries(packages.map((p) => [p, versions[p] ?? null])) } : {}),
    openstackReleaseFile: shellVar(env['/etc/openstack-release'], 'OPENSTACK_CODENAME'),
    osCodename: shellVar(env['/etc/os-release'], 'VERSION_CODENAME'),
    arch,
    cpus: availableParallelism(),
    inContainer,
    addresses,
    services: {},
  };
}

/**
 * Installed versions in one dpkg-query. Left out: a package dpkg does not know (exit 1, named on
 * stderr), and one it knows as not installed or purged down to its config files (status n or c,
 * the second letter of db:Status-Abbrev), whose version field may still be set.
 */
async function installedVersions(names: readonly string[]): Promise<Record<string, string>> {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${...} is dpkg-query's format syntax.
  const r = await tryCommand(['dpkg-query', '-W', '-f=${Package}\t${db:Status-Abbrev}\t${Version}\n', ...names]);
  if (r.exitCode !== 0 && r.exitCode !== 1) throw new Error(`dpkg-query -W failed ${howItEnded(r)}`);
  const versions: Record<string, string> = {};
  for (const line of r.stdout.split('\n')) {
    const [name = '', status = '', version = ''] = line.split('\t');
    const installed = status.length > 1 && !'nc'.includes(status.charAt(1));
    if (names.includes(name) && installed && version.trim() !== '') versions[name] = version.trim();
  }
  return versions;
}

/** `systemd-detect-virt --container` exits 0 inside a container; without the command, assume not. */
async function runsInContainer(): Promise<boolean> {
  return (await tryCommand(['systemd-detect-virt', '--container'])).exitCode === 0;
}

/** A value from a shell-style KEY=value file (/etc/os-release), quotes removed. */
function shellVar(text: string | null | undefined, key: string): string | null {
  const m = new RegExp(`^${key}=(.*)$`, 'm').exec(text ?? '');
  const value = m?.[1]?.trim().replace(/^(["'])(.*)\1$/, '$2') ?? '';
  return value === '' ? null : value;
}

const IpAddr = z.array(
  z.object({
    // Entries for links in other network namespaces carry no name and no addresses.
    ifname: z.string().default(''),
    addr_info: z
      .array(z.object({ family: z.string(), local: z.string().optional(), prefixlen: z.number().optional() }))
      .default([]),
  }),
);

/** Interface addresses from `ip -j addr`; none on a host without iproute2. */
async function hostAddresses(): Promise<HostAddress[]> {
  const r = await tryCommand(['ip', '-j', 'addr']);
  if (r.exitCode === null) return [];
  if (r.exitCode !== 0) throw new Error(`ip -j addr failed ${howItEnded(r)}`);
  const parsed = IpAddr.safeParse(parseJson(r.stdout));
  if (!parsed.success) throw new Error('ip -j addr printed output that is not its JSON address list');
  return parsed.data.flatMap((nic) =>
    nic.addr_info.flatMap((a): HostAddress[] =>
      (a.family === 'inet' || a.family === 'inet6') && a.local !== undefined && a.prefixlen !== undefined
        ? [{ interfaceName: nic.ifname, address: a.local, prefixLength: a.prefixlen, family: a.family }]
        : [],
    ),
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
