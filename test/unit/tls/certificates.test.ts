/**
 * TLS from the certificates relation (vault): the issued certificates installed with their chain,
 * copies under every name the request listed, the CA trusted, https everywhere; and data that
 * could escape the certificate directory ignored.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/plan.js';
import { reconcile } from '../../fixtures/hook-plan.js';
import type { Databag, Snapshot } from '../../../src/snapshot.js';
import { foldPlan, ofKind } from '../../fixtures/fold-plan.js';
import { relation } from '../../fixtures/snapshot.js';
import { apacheEnabled, pem, tlsSnapshot } from './tls-snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';

const run = (s: Snapshot): Plan => reconcile(s, { templates });
const written = (plan: Plan) => Object.fromEntries(ofKind(plan, 'write-file').map((w) => [w.path, w.content]));

const UNIT_CERT = pem('CERTIFICATE', 'juju-glance-0');
const UNIT_KEY = pem('PRIVATE KEY', 'juju-glance-0 key');
const PUBLIC_CERT = pem('CERTIFICATE', 'glance.example.com');
const PUBLIC_KEY = pem('PRIVATE KEY', 'glance.example.com key');
const CHAIN = pem('CERTIFICATE', 'intermediate');
const VAULT_CA = pem('CERTIFICATE', 'vault root');

function withVault(vault: Databag, config: Record<string, unknown> = { 'os-public-hostname': 'glance.example.com' }): Snapshot {
  const s = tlsSnapshot(config);
  return {
    ...s,
    hook: { ...s.hook, name: 'certificates-relation-changed' },
    relations: { ...s.relations, certificates: [relation('certificates', 8, 'vault', { 'vault/0': vault })] },
  };
}

const issued = (certs: Record<string, { cert: string; key: string }>): Databag => ({
  'glance_0.processed_requests': JSON.stringify(certs),
  chain: CHAIN,
  ca: VAULT_CA,
});

describe('certificates relation', () => {
  const vault = issued({ 'juju-glance-0': { cert: UNIT_CERT, key: UNIT_KEY }, 'glance.example.com': { cert: PUBLIC_CERT, key: PUBLIC_KEY } });
  const plan = run(withVault(vault));
  const files = written(plan);

  it('stays on http until the certificates for this unit arrive', () => {
    const waiting = run(withVault({}));
    expect(ofKind(waiting, 'command').map((c) => c.argv[0])).not.toContain('a2ensite');
    const keystone = ofKind(waiting, 'publish').find((r) => r.relationId === 'identity-service:2')?.data;
    expect(keystone?.internal_url).toBe('http://10.0.0.50:9292');
  });

  it('installs each issued certificate with the chain appended, and its key', () => {
    expect(files['/etc/apache2/ssl/glance/cert_juju-glance-0']).toBe(`${UNIT_CERT}${CHAIN}`);
    expect(files['/etc/apache2/ssl/glance/key_juju-glance-0']).toBe(UNIT_KEY);
    expect(files['/etc/apache2/ssl/glance/cert_glance.example.com']).toBe(`${PUBLIC_CERT}${CHAIN}`);
  });

  it('puts a certificate under the unit address, the name the vhost for it uses', () => {
    // 10.0.0.50 is a name on both certificates; as in the reference, the host name's request comes first.
    expect(files['/etc/apache2/ssl/glance/cert_10.0.0.50']).toBe(`${PUBLIC_CERT}${CHAIN}`);
    expect(files['/etc/apache2/ssl/glance/key_10.0.0.50']).toBe(PUBLIC_KEY);
    // Without a host name, the unit certificate covers it.
    const plain = written(run(withVault(issued({ 'juju-glance-0': { cert: UNIT_CERT, key: UNIT_KEY } }), {})));
    expect(plain['/etc/apache2/ssl/glance/cert_10.0.0.50']).toBe(`${UNIT_CERT}${CHAIN}`);
    expect(plain['/etc/apache2/ssl/glance/key_10.0.0.50']).toBe(UNIT_KEY);
  });

  it('trusts the CA that signed them and switches every endpoint to https', () => {
    expect(files['/usr/local/share/ca-certificates/vault_juju_ca_cert.crt']).toBe(VAULT_CA);
    const commands = ofKind(plan, 'command').map((c) => c.argv.join(' '));
    expect(commands).toEqual(expect.arrayContaining(['a2ensite openstack_https_frontend', 'update-ca-certificates --fresh']));
    const keystone = ofKind(plan, 'publish').find((r) => r.relationId === 'identity-service:2')?.data;
    expect(keystone).toMatchObject({ public_url: 'https://glance.example.com:9292', internal_url: 'https://10.0.0.50:9292' });
  });

  it('rewrites nothing on the next hook (the certificate files are read back by name)', () => {
    const next = apacheEnabled(foldPlan(withVault(vault), plan));
    const again = run({ ...next, hook: { ...next.hook, name: 'update-status' } });
    expect(again.effects).toEqual([]);
    expect(next.memory.certPaths).toEqual(expect.arrayContaining(['/etc/apache2/ssl/glance/cert_10.0.0.50', '/usr/local/share/ca-certificates/vault_juju_ca_cert.crt']));
  });

  it('ignores a certificate whose name would leave the certificate directory', () => {
    const evil = run(withVault(issued({ '../../../etc/cron.d/x': { cert: UNIT_CERT, key: UNIT_KEY }, 'juju-glance-0': { cert: UNIT_CERT, key: UNIT_KEY } })));
    const paths = ofKind(evil, 'write-file').map((w) => w.path);
    expect(paths.some((p) => p.includes('..') || p.includes('cron'))).toBe(false);
    expect(paths).toContain('/etc/apache2/ssl/glance/cert_juju-glance-0');
  });
});
