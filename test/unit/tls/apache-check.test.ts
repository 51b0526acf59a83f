/**
 * The real Apache (Debian's apache2, installed here and by .ci/run) accepts the TLS site glance
 * renders, with only the modules the charm enables (ssl proxy proxy_http headers) on top of
 * Debian's defaults, and certificate files where the site names them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../fixtures/hook-plan.js';
import { CERT_DIR } from '../../../src/tls/paths.js';
import { ofKind } from '../../fixtures/fold-plan.js';
import { TLS_CONFIG, b64, tlsSnapshot } from './tls-snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';

const dir = mkdtempSync(join(tmpdir(), 'apache-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PATH = `${process.env.PATH ?? ''}:/usr/sbin:/sbin`;

function run(argv: string[]): { status: number | null; output: string } {
  const [cmd = '', ...args] = argv;
  const r = spawnSync(cmd, args, { env: { ...process.env, PATH }, encoding: 'utf8' });
  if (r.error) throw new Error(`${cmd} is needed for this test: ${r.error.message}`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** A real self-signed certificate and key for the public host name and the unit address. */
function selfSigned(): { cert: string; key: string } {
  const key = join(dir, 'gen.key');
  const cert = join(dir, 'gen.crt');
  const r = run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=glance.example.com',
    '-addext', 'subjectAltName=DNS:glance.example.com,IP:10.0.0.50', '-keyout', key, '-out', cert]);
  if (r.status !== 0) throw new Error(`openssl failed: ${r.output}`);
  return { cert: run(['cat', cert]).output, key: run(['cat', key]).output };
}

const MODULES = ['mpm_event', 'authz_core', 'access_compat', 'socache_shmcb', 'ssl', 'proxy', 'proxy_http', 'headers'];

describe('apache2 -t on the rendered TLS site', () => {
  it('accepts the caracal-tls site with the certificate files the charm writes', () => {
    const pair = selfSigned();
    const plan = reconcile(tlsSnapshot({ ...TLS_CONFIG, ssl_cert: b64(pair.cert), ssl_key: b64(pair.key) }), { templates });
    const certDir = join(dir, 'ssl');
    mkdirSync(certDir, { recursive: true });
    let site = '';
    for (const w of ofKind(plan, 'write-file')) {
      if (w.path.startsWith(`${CERT_DIR}/`)) writeFileSync(join(certDir, w.path.slice(CERT_DIR.length + 1)), w.content);
      if (w.path === '/etc/apache2/sites-available/openstack_https_frontend.conf') site = w.content.replaceAll(CERT_DIR, certDir);
    }
    writeFileSync(join(dir, 'site.conf'), site);
    const conf = [
      `ServerRoot ${dir}`,
      `PidFile ${join(dir, 'apache.pid')}`,
      `ErrorLog ${join(dir, 'error.log')}`,
      'ServerName localhost',
      ...MODULES.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`),
      `Include ${join(dir, 'site.conf')}`,
    ].join('\n');
    writeFileSync(join(dir, 'apache.conf'), `${conf}\n`);
    const r = run(['apache2', '-t', '-f', join(dir, 'apache.conf')]);
    expect(r.output).toMatch(/Syntax OK/);
    expect(r.status).toBe(0);
  }, 60_000);
});
