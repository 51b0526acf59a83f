/**
 * Debian/Ubuntu packages for the real-service tier, installed idempotently: dpkg-query first,
 * and apt only for what is missing (a machine that has them all costs one dpkg-query).
 */
import { access, readFile, writeFile } from 'node:fs/promises';
import { execa } from 'execa';
import { packagesFor } from '../src/model/packages.js';
import { detectRelease } from '../src/model/release-detect.js';
import { type Say, step } from './progress.js';

/** Services the machinery runs itself (the remote side of the relations) plus the client. */
const SERVICE_PACKAGES = [
  'mariadb-server', 'mariadb-client', 'keystone', 'memcached', 'curl',
  // object-store, amqp and ceph (deploy/swift.ts, deploy/rabbitmq.ts, deploy/ceph.ts)
  'swift-proxy', 'swift-account', 'swift-container', 'swift-object', 'rabbitmq-server',
  'ceph-mon', 'ceph-osd', 'ceph-common',
];

/** VERSION_CODENAME from /etc/os-release (bookworm, noble, ...). */
export async function osCodename(): Promise<string | null> {
  const text = await readFile('/etc/os-release', 'utf8').catch(() => '');
  return /^VERSION_CODENAME="?([^"\n]*)"?$/m.exec(text)?.[1] || null;
}

/**
 * The services' packages plus exactly what the charm's install hook asks apt for with
 * openstack-origin=distro on this series. Installing them here, without Recommends, makes the
 * charm's own apt-get a no-op and keeps Recommends (matplotlib, gdal, ...: 358 packages instead
 * of 205 for glance alone) off the machine.
 */
export function realTierPackages(series: string | null): string[] {
  const release = detectRelease({ glanceCommonVersion: null, openstackReleaseFile: null, origin: 'distro', series });
  return [...new Set([...SERVICE_PACKAGES, ...packagesFor(release, series)])].sort();
}

/** openstack-pkg-tools asks "configure it for me?"; we configure everything ourselves. */
const DEBCONF_PRESEEDS = `glance-common glance/configure_db boolean false
glance-common glance/configure_rabbit boolean false
glance-common glance/configure_ksat boolean false
glance-api glance/configure_api-endpoint boolean false
keystone keystone/configure_db boolean false
keystone keystone/create-admin-tenant boolean false
keystone keystone/register-endpoint boolean false
`;

const POLICY_RC_D = '/usr/sbin/policy-rc.d';

const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };

/** Names among `names` that dpkg does not report as fully installed. */
export async function missingPackages(names: readonly string[]): Promise<string[]> {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax, not JS
  const r = await execa('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\\n', ...names], { reject: false });
  const installed = new Set(
    r.stdout
      .split('\n')
      .map((l) => l.trim().split(' '))
      .filter(([, status]) => status === 'installed')
      .map(([name]) => name),
  );
  return names.filter((n) => !installed.has(n));
}

/**
 * Without a policy-rc.d, maintainer scripts start glance-api, keystone and mariadb with the
 * packages' default configs the moment they are installed; Docker images ship one, bare VMs do not.
 */
async function ensurePolicyRcD(say: Say): Promise<void> {
  const exists = await access(POLICY_RC_D).then(() => true, () => false);
  if (exists) return;
  await writeFile(POLICY_RC_D, '#!/bin/sh\n# Written by glance-charm deploy/packages.ts: no daemon starts from dpkg.\nexit 101\n', { mode: 0o755 });
  say(`    created ${POLICY_RC_D} (exit 101) so that package installs start no daemons`);
}

async function aptInstall(names: readonly string[], say: Say): Promise<void> {
  await execa('debconf-set-selections', { input: DEBCONF_PRESEEDS });
  await step(say, 'apt-get update', () => execa('apt-get', ['update', '-q'], { env: APT_ENV }));
  await step(say, `apt-get install ${names.length} packages (${names.join(' ')})`, async () => {
    const child = execa(
      'apt-get',
      ['install', '-y', '-q', '--no-install-recommends', '-o', 'Dpkg::Options::=--force-confold', ...names],
      { env: APT_ENV, all: true },
    );
    // One line per package dpkg sets up: visible progress without apt's whole chatter.
    child.all?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.startsWith('Setting up ')) say(`    ${line.trim()}`);
    });
    await child;
  });
}

/** Install whatever of `names` is missing; returns the names it installed. */
export async function ensurePackages(names: readonly string[], say: Say): Promise<string[]> {
  const missing = await missingPackages(names);
  if (missing.length === 0) {
    say(`=== packages: all ${names.length} already installed`);
    return [];
  }
  await ensurePolicyRcD(say);
  await aptInstall(missing, say);
  const still = await missingPackages(missing);
  if (still.length > 0) throw new Error(`apt-get install finished but these are still not installed: ${still.join(' ')}`);
  return missing;
}
