/**
 * A single-node Ceph on loopback, standing for the ceph-mon and ceph-osd charms: one monitor
 * (msgr2 and v1) and one memstore OSD, run directly (Ceph ships only systemd units; the daemons
 * daemonize and write pidfiles). No ceph-mgr: rbd and rados work without it.
 *
 * Everything lives under CEPH_DIR with its own ceph.conf, never /etc/ceph/ceph.conf: that one is
 * the glance charm's (update-alternatives to its client ceph.conf). Memstore keeps the OSD's data
 * in RAM, so a cluster whose daemons stopped has lost its data: `cephUp` starts a fresh cluster
 * whenever either daemon is missing, and costs one `ceph health` when both run.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execa } from 'execa';
import { z } from 'zod';
import { readText } from './files.js';
import { type Say, step } from './progress.js';
import { waitFor } from './sysv.js';

/** Where clients reach the monitor: the address ceph-mon hands out as `ceph-public-address`. */
export const CEPH_MON_HOST = '127.0.0.1';
const CEPH_DIR = '/var/lib/ceph/glance-local';
const CONF = `${CEPH_DIR}/ceph.conf`;
const RUN_DIR = `${CEPH_DIR}/run`;
const MON_ADDRS = `[v2:${CEPH_MON_HOST}:3300,v1:${CEPH_MON_HOST}:6789]`;
/** RAM the OSD may fill; glance's test images are a few MiB. */
const MEMSTORE_BYTES = 1024 ** 3;

// The single-OSD settings (size 1, no host-level failure domain) are what let PGs go active.
const cephConf = (fsid: string): string => `# Written by glance-charm deploy/ceph.ts
[global]
fsid = ${fsid}
mon host = ${MON_ADDRS}
public addr = ${CEPH_MON_HOST}
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
auth allow insecure global id reclaim = false
mon allow pool size one = true
mon warn on pool no redundancy = false
osd pool default size = 1
osd pool default min size = 1
osd crush chooseleaf type = 0
run dir = ${RUN_DIR}
pid file = ${RUN_DIR}/$name.pid
admin socket = ${RUN_DIR}/$name.asok
log file = ${CEPH_DIR}/log/$name.log
keyring = ${CEPH_DIR}/$name.keyring

[mon]
mon data = ${CEPH_DIR}/mon-$id

[osd]
osd data = ${CEPH_DIR}/osd-$id
keyring = ${CEPH_DIR}/osd-$id/keyring
osd objectstore = memstore
memstore device bytes = ${MEMSTORE_BYTES}
`;

/** Stop order: the OSD first, so it does not sit retrying a monitor that went away. */
const DAEMONS = [
  ['ceph-osd', 'osd.0'],
  ['ceph-mon', 'mon.a'],
] as const;
type Daemon = (typeof DAEMONS)[number];

/** The pid in the daemon's pidfile when that process is alive and is that daemon. */
async function daemonPid([binary, name]: Daemon): Promise<number | null> {
  const pid = Number((await readText(`${RUN_DIR}/${name}.pid`))?.trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.includes(binary) ? pid : null;
}

export async function cephRunning(): Promise<boolean> {
  return (await Promise.all(DAEMONS.map(daemonPid))).some((pid) => pid !== null);
}

/** Stop every Ceph daemon that runs (TERM, then KILL after 15 s); returns the ones it stopped. */
export async function stopCeph(): Promise<string[]> {
  const stopped: string[] = [];
  for (const daemon of DAEMONS) {
    const pid = await daemonPid(daemon);
    if (pid === null) continue;
    process.kill(pid, 'SIGTERM');
    await waitFor(`${daemon[0]} to exit`, async () => (await daemonPid(daemon)) === null, 15_000).catch(() => process.kill(pid, 'SIGKILL'));
    await waitFor(`${daemon[0]} to die`, async () => (await daemonPid(daemon)) === null, 5_000);
    stopped.push(daemon[0]);
  }
  return stopped;
}

async function run(command: string, args: readonly string[]): Promise<string> {
  const r = await execa(command, ['-c', CONF, ...args], { reject: false });
  if (r.exitCode !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.exitCode}): ${r.stderr.trim() || r.stdout.trim()}`);
  return r.stdout;
}

/** The cluster as its administrator (client.admin) works it, through the CLI tools. */
export class CephAdmin {
  /** `ceph <args>`: its stdout. */
  ceph(args: readonly string[]): Promise<string> {
    return run('ceph', ['--connect-timeout', '10', ...args]);
  }

  async pools(): Promise<string[]> {
    return z.array(z.string()).parse(JSON.parse(await this.ceph(['osd', 'pool', 'ls', '--format', 'json'])));
  }

  async poolSize(pool: string): Promise<number> {
    return z.object({ size: z.number() }).parse(JSON.parse(await this.ceph(['osd', 'pool', 'get', pool, 'size', '--format', 'json']))).size;
  }

  async poolApplications(pool: string): Promise<string[]> {
    return Object.keys(z.record(z.string(), z.unknown()).parse(JSON.parse(await this.ceph(['osd', 'pool', 'application', 'get', pool, '--format', 'json']))));
  }

  /** A replicated pool of `replicas` copies in `pgs` placement groups, tagged for `app` (kept as it is when it exists). */
  async ensureReplicatedPool(pool: string, replicas: number, pgs: number, app: string): Promise<void> {
    if ((await this.pools()).includes(pool)) return;
    await this.ceph(['osd', 'pool', 'create', pool, String(pgs), String(pgs), 'replicated']);
    // Ceph asks for the confirmation before it accepts a single copy.
    await this.ceph(['osd', 'pool', 'set', pool, 'size', String(replicas), ...(replicas === 1 ? ['--yes-i-really-mean-it'] : [])]);
    await this.ceph(['osd', 'pool', 'application', 'enable', pool, app]);
  }

  /** The key of `entity` (created with `caps` when it does not exist: an existing key keeps its caps). */
  async key(entity: string, caps: readonly string[]): Promise<string> {
    const out = await this.ceph(['auth', 'get-or-create-key', entity, ...caps, '--format', 'json']);
    return z.object({ key: z.string() }).parse(JSON.parse(out)).key;
  }

  /** The names of the RADOS objects in `pool`. */
  async objects(pool: string): Promise<string[]> {
    return (await run('rados', ['-p', pool, 'ls'])).split('\n').filter(Boolean);
  }

  /** The RBD images in `pool`. */
  async images(pool: string): Promise<string[]> {
    return (await run('rbd', ['-p', pool, 'ls'])).split('\n').filter(Boolean);
  }
}

/** A new cluster: monitor keyring with the admin key, monmap, monitor, then the OSD. */
async function createCluster(say: Say): Promise<void> {
  const admin = new CephAdmin();
  await step(say, 'ceph: create and start the monitor', async () => {
    await rm(CEPH_DIR, { recursive: true, force: true });
    for (const dir of [RUN_DIR, `${CEPH_DIR}/log`, `${CEPH_DIR}/osd-0`]) await mkdir(dir, { recursive: true });
    const fsid = randomUUID();
    await writeFile(CONF, cephConf(fsid));
    const monKeyring = `${CEPH_DIR}/mon.keyring`;
    const adminKeyring = `${CEPH_DIR}/client.admin.keyring`;
    await run('ceph-authtool', ['--create-keyring', monKeyring, '--gen-key', '-n', 'mon.', '--cap', 'mon', 'allow *']);
    await run('ceph-authtool', ['--create-keyring', adminKeyring, '--gen-key', '-n', 'client.admin', '--cap', 'mon', 'allow *', '--cap', 'osd', 'allow *', '--cap', 'mgr', 'allow *']);
    await run('ceph-authtool', [monKeyring, '--import-keyring', adminKeyring]);
    await run('monmaptool', ['--create', '--addv', 'a', MON_ADDRS, '--fsid', fsid, `${CEPH_DIR}/monmap`]);
    await run('ceph-mon', ['--mkfs', '-i', 'a', '--monmap', `${CEPH_DIR}/monmap`, '--keyring', monKeyring]);
    await run('ceph-mon', ['-i', 'a']);
  });
  await step(say, 'ceph: create and start a memstore OSD', async () => {
    const uuid = randomUUID();
    await admin.ceph(['osd', 'create', uuid]);
    // --no-mon-config: the OSD has no key yet to ask the monitor for its config with.
    await run('ceph-osd', ['-i', '0', '--mkfs', '--mkkey', '--osd-uuid', uuid, '--no-mon-config']);
    await admin.ceph(['auth', 'add', 'osd.0', 'osd', 'allow *', 'mon', 'allow profile osd', '-i', `${CEPH_DIR}/osd-0/keyring`]);
    await run('ceph-osd', ['-i', '0']);
    await waitFor('osd.0 up', async () => z.object({ num_up_osds: z.number() }).parse(JSON.parse(await admin.ceph(['osd', 'stat', '--format', 'json']))).num_up_osds === 1, 60_000);
  });
}

/** A running single-node cluster (a fresh one unless both daemons run and the monitor answers). */
export async function cephUp(say: Say): Promise<CephAdmin> {
  const admin = new CephAdmin();
  const pids = await Promise.all(DAEMONS.map(daemonPid));
  if (pids.every((pid) => pid !== null) && (await admin.ceph(['health']).then(() => true, () => false))) return admin;
  if (pids.some((pid) => pid !== null)) await step(say, 'ceph: stop the incomplete cluster', stopCeph);
  await createCluster(say);
  return admin;
}
