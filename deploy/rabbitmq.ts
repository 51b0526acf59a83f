/**
 * RabbitMQ on loopback, standing for the rabbitmq-server charm: Debian's broker started through
 * its init script, with the management plugin so that users, vhosts and queues are handled over
 * HTTP (each rabbitmqctl call costs an Erlang VM start) and a test can read a queue without an
 * AMQP client. The machinery's own administrator is created once with rabbitmqctl; every later
 * `rabbitmqUp` on a running broker costs one HTTP call.
 */
import { readFile } from 'node:fs/promises';
import { execa } from 'execa';
import { z } from 'zod';
import { writeIfChanged } from './files.js';
import { type Say, step } from './progress.js';
import { secret } from './state.js';
import { answersHttp, startService, stopService, waitFor } from './sysv.js';

/** Where clients reach the broker (AMQP 5672; the charm builds its transport_url from it). */
export const RABBIT_HOST = '127.0.0.1';
const MANAGEMENT_URL = 'http://127.0.0.1:15672/api';
const SERVICE = 'rabbitmq-server';
const PIDFILE = '/var/run/rabbitmq/pid';
/** The machinery's administrator, for the management API (never handed to the charm). */
const ADMIN_USER = 'glance-charm-local';

const ENABLED_PLUGINS = '[rabbitmq_management].\n';
// Loopback only: the simulated units' addresses are not this machine's, and nothing else needs it.
const RABBITMQ_CONF = `# Written by glance-charm deploy/rabbitmq.ts
listeners.tcp.default = ${RABBIT_HOST}:5672
management.tcp.ip = ${RABBIT_HOST}
management.tcp.port = 15672
`;

export async function rabbitmqRunning(): Promise<boolean> {
  const pid = Number((await readFile(PIDFILE, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  return readFile(`/proc/${pid}/cmdline`, 'utf8').then(
    (cmd) => cmd.includes('beam'),
    () => false,
  );
}

/**
 * Stop the broker and the Erlang port mapper it started (epmd outlives `service stop` and keeps
 * port 4369); returns what it stopped.
 */
export async function stopRabbitmq(): Promise<string[]> {
  if (!(await rabbitmqRunning())) return [];
  await stopService(SERVICE);
  await execa('su', ['rabbitmq', '-s', '/bin/sh', '-c', 'epmd -kill'], { reject: false });
  return [SERVICE];
}

/** rabbitmqctl with the password on stdin (argv is world-readable in /proc). */
async function rabbitmqctl(args: readonly string[], input?: string): Promise<void> {
  const r = await execa('rabbitmqctl', ['-q', ...args], { input, reject: false });
  if (r.exitCode !== 0) throw new Error(`rabbitmqctl ${args[0]} failed (exit ${r.exitCode}): ${r.stderr.trim() || r.stdout.trim()}`);
}

const Message = z.object({ payload: z.string(), routing_key: z.string() }).passthrough();
export type Message = z.infer<typeof Message>;

/** The management HTTP API as the machinery's administrator. */
export class RabbitAdmin {
  constructor(private readonly password: string) {}

  private async call(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${MANAGEMENT_URL}${path}`, {
      method,
      headers: { Authorization: `Basic ${Buffer.from(`${ADMIN_USER}:${this.password}`).toString('base64')}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  }

  private async ok(method: string, path: string, body?: unknown): Promise<Response> {
    const r = await this.call(method, path, body);
    if (!r.ok) throw new Error(`RabbitMQ ${method} ${path}: HTTP ${r.status} ${(await r.text()).slice(0, 200)}`);
    return r;
  }

  /** Whether the management API accepts us (false while it starts, or before we exist). */
  async works(): Promise<boolean> {
    const r = await this.call('GET', '/whoami').catch(() => null);
    await r?.body?.cancel();
    return r?.status === 200;
  }

  private async grantAll(vhost: string, user: string): Promise<void> {
    await this.ok('PUT', `/permissions/${encodeURIComponent(vhost)}/${encodeURIComponent(user)}`, { configure: '.*', write: '.*', read: '.*' });
  }

  /** The vhost, and `user` with `password` (reset if it exists) and every permission on it: what the rabbitmq charm gives a client. */
  async ensureAccount(user: string, vhost: string, password: string): Promise<void> {
    await this.ok('PUT', `/vhosts/${encodeURIComponent(vhost)}`);
    await this.ok('PUT', `/users/${encodeURIComponent(user)}`, { password, tags: '' });
    await this.grantAll(vhost, user);
  }

  /** Permissions `user` has on `vhost` (configure, write, read), or null when none. */
  async permissions(vhost: string, user: string): Promise<{ configure: string; write: string; read: string } | null> {
    const r = await this.call('GET', `/permissions/${encodeURIComponent(vhost)}/${encodeURIComponent(user)}`);
    if (r.status === 404) return null;
    if (!r.ok) throw new Error(`RabbitMQ GET permissions: HTTP ${r.status}`);
    return z.object({ configure: z.string(), write: z.string(), read: z.string() }).parse(await r.json());
  }

  /**
   * Consume up to `count` messages from `queue` (they leave the queue, as with a consumer's ack);
   * none when the queue does not exist yet.
   */
  async take(vhost: string, queue: string, count = 1000): Promise<Message[]> {
    await this.grantAll(vhost, ADMIN_USER);
    const path = `/queues/${encodeURIComponent(vhost)}/${encodeURIComponent(queue)}/get`;
    const r = await this.call('POST', path, { count, ackmode: 'ack_requeue_false', encoding: 'auto' });
    if (r.status === 404) {
      await r.body?.cancel();
      return [];
    }
    if (!r.ok) throw new Error(`RabbitMQ POST ${path}: HTTP ${r.status} ${(await r.text()).slice(0, 200)}`);
    return z.array(Message).parse(await r.json());
  }
}

/** Our administrator, created (or its password reset) through rabbitmqctl. */
async function ensureAdmin(password: string): Promise<void> {
  const exists = await execa('rabbitmqctl', ['-q', 'list_users'], { reject: false }).then((r) => r.stdout.split('\n').some((l) => l.split('\t')[0] === ADMIN_USER));
  if (exists) await rabbitmqctl(['change_password', ADMIN_USER], password);
  else await rabbitmqctl(['add_user', ADMIN_USER], password);
  await rabbitmqctl(['set_user_tags', ADMIN_USER, 'administrator']);
}

/** Configure and start RabbitMQ (idempotent; restarted when its configuration changed). */
export async function rabbitmqUp(say: Say): Promise<RabbitAdmin> {
  const password = await secret('rabbitmq-admin');
  const admin = new RabbitAdmin(password);
  const changed = [
    await writeIfChanged('/etc/rabbitmq/enabled_plugins', ENABLED_PLUGINS, 'rabbitmq', 0o644),
    await writeIfChanged('/etc/rabbitmq/rabbitmq.conf', RABBITMQ_CONF, 'rabbitmq', 0o644),
  ].some(Boolean);
  const running = await rabbitmqRunning();
  if (running && !changed && (await admin.works())) return admin;
  if (!running || changed) {
    await step(say, `rabbitmq: ${running ? 'restart' : 'start'} ${SERVICE}`, async () => {
      if (running) await stopRabbitmq();
      await startService(SERVICE);
    });
  }
  await waitFor('the RabbitMQ management API', () => answersHttp(`${MANAGEMENT_URL}/overview`), 60_000);
  if (!(await admin.works())) await step(say, `rabbitmq: administrator ${ADMIN_USER}`, () => ensureAdmin(password));
  return admin;
}
