/**
 * Keystone on this host, set up the way a keystone charm would: MariaDB database, keystone.conf,
 * schema, fernet and credential keys, bootstrap of the admin user, and Debian's uwsgi server.
 * Every step checks first, so a second run on a configured host costs well under a second.
 */
import { access } from 'node:fs/promises';
import { execa } from 'execa';
import { writeIfChanged, readText } from './files.js';
import { grantStatements, runSql } from './mysql-client.js';
import { type Say, step } from './progress.js';
import { secret } from './state.js';
import { answersHttp, isRunning, startService, stopService, waitFor } from './sysv.js';

export const KEYSTONE_URL = 'http://127.0.0.1:5000/v3';
export const REGION = 'RegionOne';

export interface AdminCredentials {
  url: string;
  username: 'admin';
  password: string;
  project: 'admin';
  domain: 'Default';
}

const UWSGI_INI = '/etc/keystone/keystone-uwsgi.ini';

const keystoneConf = (dbPassword: string): string => `# Written by glance-charm deploy/keystone-host.ts
[DEFAULT]
log_dir = /var/log/keystone
log_file = keystone.log
[database]
connection = mysql+pymysql://keystone:${dbPassword}@127.0.0.1/keystone
[token]
provider = fernet
[fernet_tokens]
key_repository = /etc/keystone/fernet-keys/
[credential]
key_repository = /etc/keystone/credential-keys/
[oslo_policy]
policy_dirs = /etc/keystone/policy.d
`;

/**
 * The packaged uwsgi ini runs 8 processes x 32 threads (too many for 2 cores), and strips
 * Content-Length while --http-socket closes every connection: a client reusing a pooled
 * connection after a 204 gets "Connection reset by peer" unless every reply says Connection: close.
 */
export function fixUwsgiIni(ini: string): string {
  const sized = ini.replace(/^processes = .*$/m, 'processes = 2').replace(/^threads = .*$/m, 'threads = 4');
  return /^add-header = Connection: close$/m.test(sized) ? sized : `${sized.replace(/\n*$/, '\n')}add-header = Connection: close\n`;
}

// Run as the keystone user, as the package does, so that the log file and keys it creates stay
// readable by uwsgi. keystone-manage prints eventlet "'NoneType' object has no attribute
// 'getcurrent'" tracebacks at exit with status 0; only the status counts.
async function keystoneManage(args: readonly string[], env: Record<string, string> = {}): Promise<void> {
  const r = await execa('su', ['keystone', '-s', '/bin/sh', '-c', `keystone-manage ${args.join(' ')}`], { reject: false, env });
  if (r.exitCode !== 0) throw new Error(`keystone-manage ${args[0]} failed (exit ${r.exitCode}): ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`);
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

async function schemaPresent(): Promise<boolean> {
  const rows = await runSql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='keystone' AND table_name='project';");
  return rows[0]?.[0] === '1';
}

export async function adminToken(admin: AdminCredentials): Promise<string> {
  const r = await fetch(`${admin.url}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: admin.username, domain: { name: admin.domain }, password: admin.password } } },
        scope: { project: { name: admin.project, domain: { name: admin.domain } } },
      },
    }),
    signal: AbortSignal.timeout(30_000),
  });
  await r.body?.cancel();
  const token = r.headers.get('x-subject-token');
  if (r.status !== 201 || !token) throw new Error(`Keystone refused the admin token: HTTP ${r.status}`);
  return token;
}

/** Configure and start Keystone; returns the admin credentials (password kept in the state file). */
export async function keystoneUp(say: Say): Promise<AdminCredentials> {
  const dbPassword = await secret('mysql:keystone');
  const admin: AdminCredentials = { url: KEYSTONE_URL, username: 'admin', password: await secret('keystone-admin'), project: 'admin', domain: 'Default' };
  await runSql(grantStatements('keystone', 'keystone', ['localhost', '127.0.0.1'], dbPassword));

  const confChanged = await writeIfChanged('/etc/keystone/keystone.conf', keystoneConf(dbPassword), 'keystone', 0o640);
  const ini = (await readText(UWSGI_INI)) ?? '';
  const iniChanged = await writeIfChanged(UWSGI_INI, fixUwsgiIni(ini), 'root', 0o644);

  if (!(await schemaPresent())) await step(say, 'keystone: db_sync', () => keystoneManage(['db_sync']));
  if (!(await exists('/etc/keystone/fernet-keys/0')))
    await step(say, 'keystone: fernet_setup', () => keystoneManage(['fernet_setup', '--keystone-user', 'keystone', '--keystone-group', 'keystone']));
  if (!(await exists('/etc/keystone/credential-keys/0')))
    await step(say, 'keystone: credential_setup', () => keystoneManage(['credential_setup', '--keystone-user', 'keystone', '--keystone-group', 'keystone']));

  const running = await isRunning('keystone');
  if (running && (confChanged || iniChanged)) await stopService('keystone');
  if (!running || confChanged || iniChanged) {
    await step(say, 'keystone: start (uwsgi on :5000)', async () => {
      await startService('keystone');
      await waitFor(`Keystone at ${KEYSTONE_URL}`, () => answersHttp(KEYSTONE_URL), 60_000);
    });
  }

  const works = await adminToken(admin).then(() => true, () => false);
  if (!works) {
    await step(say, 'keystone: bootstrap admin', () =>
      keystoneManage(
        ['bootstrap', '--bootstrap-username', 'admin', '--bootstrap-project-name', 'admin', '--bootstrap-role-name', 'admin',
          '--bootstrap-admin-url', KEYSTONE_URL, '--bootstrap-internal-url', KEYSTONE_URL, '--bootstrap-public-url', KEYSTONE_URL,
          '--bootstrap-region-id', REGION],
        // Passed in the environment, not argv: argv is world-readable in /proc.
        { OS_BOOTSTRAP_PASSWORD: admin.password },
      ),
    );
    await adminToken(admin);
  }
  return admin;
}
