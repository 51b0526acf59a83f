/**
 * The host facts one hook needs (the HostSnapshot of src/snapshot.ts), read in parallel. Every
 * source is a command on PATH or a file under $CHARM_FS_ROOT, so the simulator can supply them.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { HostAddress, HostSnapshot } from '../snapshot.js';
import { readFiles } from './files.js';
import { tryCommand } from './run.js';
import { howItEnded } from './spawn.js';
import { hostRunsSystemd } from './services.js';

export async function readHostFacts(managedPaths: readonly string[]): Promise<HostSnapshot> {
  const [files, glanceCommonVersion, env, systemd, inContainer, addresses] = await Promise.all([
    readFiles(managedPaths),
    installedVersion('glance-common'),
    readFiles(['/etc/openstack-release', '/etc/os-release']),
    hostRunsSystemd(),
    runsInContainer(),
    hostAddresses(),
  ]);
  return {
    files,
    glanceCommonVersion,
    openstackReleaseFile: shellVar(env['/etc/openstack-release'], 'OPENSTACK_CODENAME'),
    osCodename: shellVar(env['/etc/os-release'], 'VERSION_CODENAME'),
    cpus: availableParallelism(),
    systemd,
    inContainer,
    addresses,
    services: {},
  };
}

/** The installed version, null when dpkg does not know the package or it is not installed. */
async function installedVersion(pkg: string): Promise<string | null> {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${Version} is dpkg-query's format syntax.
  const r = await tryCommand(['dpkg-query', '-W', '-f=${Version}', pkg]);
  return r.exitCode === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null;
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
