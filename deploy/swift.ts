/**
 * A Swift all-in-one on loopback, standing for the swift-proxy and swift-storage charms: account,
 * container and object servers on one directory device (rings of one replica), and a proxy on
 * :8080 that authenticates through the real Keystone as the `swift` service user, registered
 * there as the `object-store` service as the keystone charm would for swift-proxy.
 *
 * Debian's init scripts for these servers are broken (CONFIG is unset, so each starts one server
 * per *.conf in /etc/swift) and swift-init is not packaged: every server runs in the foreground
 * under start-stop-daemon with its own pidfile. Every step checks first, so a second `swiftUp`
 * on a running Swift costs a few Keystone calls and one health check.
 */
import { access, mkdir, readFile, rm } from 'node:fs/promises';
import { execa } from 'execa';
import { z } from 'zod';
import { readText, writeIfChanged } from './files.js';
import { type AdminCredentials, REGION } from './keystone-host.js';
import { Keystone } from './keystone-api.js';
import { type Say, step } from './progress.js';
import { SERVICE_DOMAIN, SERVICE_TENANT } from './remotes/keystone.js';
import { secret } from './state.js';
import { answersHttp, waitFor } from './sysv.js';

export const SWIFT_URL = 'http://127.0.0.1:8080';
/** The account URL Keystone hands out; Keystone fills in the token's project. */
const ACCOUNT_URL = `${SWIFT_URL}/v1/AUTH_$(project_id)s`;
const SWIFT_USER = 'swift';

const ETC = '/etc/swift';
const DEVICES = '/srv/node';
const DEVICE = 'd1';
const RUN_DIR = '/var/run/swift';
const LOG_DIR = '/var/log/swift';
/** Directories the servers write as the swift user (recon cache, pidfiles' home, the device). */
const SWIFT_DIRS = [`${DEVICES}/${DEVICE}`, '/var/cache/swift', RUN_DIR, LOG_DIR];

/** Storage servers and their ports, in the order the proxy needs them. */
const STORAGE = [
  ['account', 6202],
  ['container', 6201],
  ['object', 6200],
] as const;
type Server = (typeof STORAGE)[number][0] | 'proxy';
/** Start order: the proxy last, once the stores it routes to are there. */
const SERVERS: readonly Server[] = [...STORAGE.map(([name]) => name), 'proxy'];

const pidfile = (server: Server): string => `${RUN_DIR}/${server}-server.pid`;
const confPath = (server: Server): string => `${ETC}/${server}-server.conf`;

const swiftConf = (hashSuffix: string): string => `# Written by glance-charm deploy/swift.ts
[swift-hash]
swift_hash_path_suffix = ${hashSuffix}

[storage-policy:0]
name = Policy-0
default = yes
`;

// workers = 0: one process per server (no forked workers), so the pidfile names all of it.
const storageConf = (server: string, port: number): string => `# Written by glance-charm deploy/swift.ts
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = ${port}
devices = ${DEVICES}
mount_check = false
workers = 0
user = swift

[pipeline:main]
pipeline = ${server}-server

[app:${server}-server]
use = egg:swift#${server}
`;

const proxyConf = (keystone: string, password: string): string => `# Written by glance-charm deploy/swift.ts
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = ${new URL(SWIFT_URL).port}
workers = 0
user = swift

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache authtoken keystoneauth proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

[filter:catch_errors]
use = egg:swift#catch_errors

[filter:gatekeeper]
use = egg:swift#gatekeeper

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:proxy-logging]
use = egg:swift#proxy_logging

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:11211

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
www_authenticate_uri = ${keystone}
auth_url = ${keystone}
auth_type = password
project_domain_name = ${SERVICE_DOMAIN}
user_domain_name = ${SERVICE_DOMAIN}
project_name = ${SERVICE_TENANT}
username = ${SWIFT_USER}
password = ${password}
delay_auth_decision = True
memcached_servers = 127.0.0.1:11211

[filter:keystoneauth]
use = egg:swift#keystoneauth
operator_roles = admin, member
`;

/** The pid in `server`'s pidfile when that process is alive and is that server. */
async function serverPid(server: Server): Promise<number | null> {
  const pid = Number((await readText(pidfile(server)))?.trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.includes(`swift-${server}-server`) ? pid : null;
}

export async function swiftRunning(): Promise<boolean> {
  const pids = await Promise.all(SERVERS.map(serverPid));
  return pids.some((pid) => pid !== null);
}

async function startServer(server: Server): Promise<void> {
  // Servers start as root and drop to `user = swift`; -v copies the log to stdout (no syslog here).
  await execa('start-stop-daemon', [
    '--start', '--background', '--make-pidfile', '--pidfile', pidfile(server),
    '--output', `${LOG_DIR}/${server}-server.log`,
    '--startas', `/usr/bin/swift-${server}-server`, '--', confPath(server), '-v',
  ]);
}

async function stopServer(server: Server): Promise<void> {
  const r = await execa('start-stop-daemon', ['--stop', '--retry', 'TERM/15/KILL/5', '--pidfile', pidfile(server), '--remove-pidfile'], { reject: false });
  // 1 is "nothing to stop" (it exited meanwhile); 2 is "still running after the KILL".
  if ((r.exitCode ?? 2) > 1) throw new Error(`swift-${server}-server did not stop (start-stop-daemon exit ${r.exitCode})`);
}

/** Stop every Swift server that runs, side by side (each takes a second or two); returns the ones it stopped. */
export async function stopSwift(): Promise<string[]> {
  const running = (await Promise.all(SERVERS.map(async (server) => ((await serverPid(server)) === null ? [] : [server])))).flat();
  await Promise.all(running.map(stopServer));
  return running.map((server) => `swift-${server}-server`);
}

async function ringBuilder(builder: string, args: readonly string[], okExits: readonly number[] = [0]): Promise<void> {
  const r = await execa('swift-ring-builder', [builder, ...args], { cwd: ETC, reject: false });
  if (!okExits.includes(r.exitCode ?? -1)) throw new Error(`swift-ring-builder ${builder} ${args[0]} failed (exit ${r.exitCode}): ${r.stdout} ${r.stderr}`);
}

/** The ring of `server` with our one device. */
async function buildRing(server: string, port: number): Promise<void> {
  const builder = `${server}.builder`;
  // A builder without its ring is what an interrupted run leaves: start that ring over.
  await rm(`${ETC}/${builder}`, { force: true });
  // 2^8 partitions, 1 replica, 1 hour between moves: the smallest ring that serves.
  await ringBuilder(builder, ['create', '8', '1', '1']);
  await ringBuilder(builder, ['add', `r1z1-127.0.0.1:${port}/${DEVICE}`, '100']);
  // Exit 1 is a warning (one device cannot be balanced across zones), not a failure.
  await ringBuilder(builder, ['rebalance'], [0, 1]);
}

/** The swift service user and the object-store endpoints, as the keystone charm registers swift-proxy. */
async function registerInKeystone(admin: AdminCredentials, password: string): Promise<void> {
  const ks = await Keystone.connect(admin);
  const domain = await ks.ensureDomain(SERVICE_DOMAIN);
  const project = await ks.ensureProject(SERVICE_TENANT, domain.id);
  const user = await ks.ensureUser(SWIFT_USER, domain.id, password);
  await ks.grantProjectRole(project.id, user.id, (await ks.findRole('Admin')).id);
  await ks.ensureRegion(REGION);
  const service = await ks.ensureService(SWIFT_USER, 'object-store');
  // The swift-proxy charm registers the bare proxy as the admin URL and the account URL otherwise.
  for (const iface of ['public', 'internal', 'admin'] as const) await ks.ensureEndpoint(service.id, REGION, iface, iface === 'admin' ? SWIFT_URL : ACCOUNT_URL);
}

async function ensureDirs(): Promise<void> {
  for (const dir of SWIFT_DIRS) await mkdir(dir, { recursive: true });
  await execa('chown', ['swift:swift', DEVICES, ...SWIFT_DIRS]);
}

async function healthy(): Promise<boolean> {
  const r = await fetch(`${SWIFT_URL}/healthcheck`, { signal: AbortSignal.timeout(2_000) });
  await r.body?.cancel();
  return r.status === 200;
}

/** Configure and start Swift (idempotent); a server whose config changed is restarted. */
export async function swiftUp(admin: AdminCredentials, say: Say): Promise<void> {
  const password = await secret(`keystone:${SWIFT_USER}`);
  // One token request tells whether the user, its role and the catalog entry are all in place.
  const creds = { keystoneUrl: admin.url, username: SWIFT_USER, password, domain: SERVICE_DOMAIN, project: SERVICE_TENANT };
  const registered = await SwiftClient.connect(creds).then(() => true, () => false);
  if (!registered) await step(say, 'swift: register the swift user and object-store endpoints in Keystone', () => registerInKeystone(admin, password));
  await ensureDirs();
  const changed = new Set<Server>();
  const swiftConfChanged = await writeIfChanged(`${ETC}/swift.conf`, swiftConf(await secret('swift-hash-path-suffix')), 'swift', 0o640);
  for (const [server, port] of STORAGE) if (await writeIfChanged(confPath(server), storageConf(server, port), 'swift', 0o640)) changed.add(server);
  const missingRings = await Promise.all(STORAGE.map(([server]) => access(`${ETC}/${server}.ring.gz`).then(() => false, () => true)));
  if (missingRings.some(Boolean)) {
    // Three Python start-ups each: built side by side. The proxy only sees a new ring after a restart.
    await step(say, 'swift: build the account, container and object rings', () => Promise.all(STORAGE.map(([server, port], i) => missingRings[i] && buildRing(server, port))));
    changed.add('proxy');
  }
  if (await writeIfChanged(confPath('proxy'), proxyConf(admin.url.replace(/\/v3\/?$/, ''), password), 'swift', 0o640)) changed.add('proxy');
  if (swiftConfChanged) for (const server of SERVERS) changed.add(server);

  for (const server of SERVERS) {
    const running = (await serverPid(server)) !== null;
    if (running && !changed.has(server)) continue;
    await step(say, `swift: ${running ? 'restart' : 'start'} swift-${server}-server`, async () => {
      if (running) await stopServer(server);
      await startServer(server);
    });
  }
  await waitFor('the Swift storage servers', async () => (await Promise.all(STORAGE.map(([, port]) => answersHttp(`http://127.0.0.1:${port}/`)))).every(Boolean), 60_000);
  await waitFor(`Swift at ${SWIFT_URL}/healthcheck`, healthy, 60_000);
}

const Catalog = z.object({
  token: z.object({
    catalog: z.array(z.object({ type: z.string(), endpoints: z.array(z.object({ interface: z.string(), url: z.string() })) })),
  }),
});

export interface SwiftCredentials {
  keystoneUrl: string;
  username: string;
  password: string;
  domain: string;
  project: string;
}

/** A Swift client as an operator's script holds one: a token for the account owner and its storage URL from the catalog. */
export class SwiftClient {
  private constructor(
    readonly storageUrl: string,
    private readonly token: string,
  ) {}

  static async connect(c: SwiftCredentials): Promise<SwiftClient> {
    const r = await fetch(`${c.keystoneUrl}/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: c.username, domain: { name: c.domain }, password: c.password } } },
          scope: { project: { name: c.project, domain: { name: c.domain } } },
        },
      }),
      signal: AbortSignal.timeout(30_000),
    });
    const token = r.headers.get('x-subject-token');
    const body = await r.json();
    if (r.status !== 201 || !token) throw new Error(`Keystone refused ${c.username}: HTTP ${r.status}`);
    const store = Catalog.parse(body).token.catalog.find((s) => s.type === 'object-store');
    const url = store?.endpoints.find((e) => e.interface === 'public')?.url;
    if (!url) throw new Error(`the catalog of ${c.username} has no public object-store endpoint`);
    return new SwiftClient(url, token);
  }

  private async get(path: string): Promise<Response> {
    const r = await fetch(`${this.storageUrl}${path}`, { headers: { 'X-Auth-Token': this.token }, signal: AbortSignal.timeout(60_000) });
    if (!r.ok) throw new Error(`Swift GET ${path}: HTTP ${r.status} ${(await r.text()).slice(0, 200)}`);
    return r;
  }

  /** Names and sizes of the objects in `container`. */
  async objects(container: string): Promise<{ name: string; bytes: number }[]> {
    const body = await (await this.get(`/${encodeURIComponent(container)}?format=json`)).json();
    return z.array(z.object({ name: z.string(), bytes: z.number() })).parse(body);
  }

  async object(container: string, name: string): Promise<Buffer> {
    return Buffer.from(await (await this.get(`/${encodeURIComponent(container)}/${encodeURIComponent(name)}`)).arrayBuffer());
  }
}
