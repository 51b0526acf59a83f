/**
 * TLS on a running unit under the simulated Juju (the built charm, real files under the unit's
 * fs root, a2enmod/a2ensite/a2dissite as fake commands that link and unlink like the real ones):
 * first from ssl_cert/ssl_key, then from vault over the certificates relation, then off again.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sim } from '../../../sim/engine.js';
import type { HookResult } from '../../../sim/records.js';
import { CHARM_DIR, KEYSTONE, failed, playMysql } from '../ha/harness.js';
import { IN_PROCESS } from '../in-process.js';

const UNIT = 'glance/0';
const SETUP_MS = 1_200_000;
const SITE = '/etc/apache2/sites-available/openstack_https_frontend.conf';
const ENABLED = '/etc/apache2/sites-enabled/openstack_https_frontend.conf';

const pem = (kind: string, body: string) => `-----BEGIN ${kind}-----\n${Buffer.from(body).toString('base64')}\n-----END ${kind}-----\n`;
const CERT = pem('CERTIFICATE', 'operator certificate');
const KEY = pem('PRIVATE KEY', 'operator key');
const b64 = (text: string) => Buffer.from(text).toString('base64');

const argvs = (results: readonly HookResult[], name: string) =>
  results.flatMap((r) => r.commands).filter((c) => c.argv[0] === name).map((c) => c.argv.join(' '));
const serviceActions = (results: readonly HookResult[]) =>
  results.flatMap((r) => r.commands).filter((c) => c.argv[0] === 'systemctl' && c.argv[2] === 'apache2').map((c) => c.argv[1]);

describe('TLS under the simulated Juju', () => {
  const sim = new Sim({ charmDir: CHARM_DIR, inProcess: IN_PROCESS });
  let keystone: string;
  let sinceConfig: HookResult[];

  beforeAll(async () => {
    playMysql(sim);
    await sim.deploy({ units: 1 });
    writeFileSync(join(sim.unit(UNIT).fsRoot, 'etc/hostname'), 'juju-glance-0\n');
    await sim.integrate('shared-db', 'mysql', { units: { 'mysql/0': {} } });
    keystone = (await sim.integrate('identity-service', 'keystone', { units: { 'keystone/0': KEYSTONE } })).id;
    sinceConfig = await sim.config({ ssl_cert: b64(CERT), ssl_key: b64(KEY), 'os-public-hostname': 'glance.example.com' });
  }, SETUP_MS);
  afterAll(() => sim.dispose());

  it('turns on the Apache frontend from ssl_cert and ssl_key', () => {
    expect(failed(sim.history)).toEqual([]);
    expect(argvs(sinceConfig, 'a2enmod')).toEqual(['a2enmod ssl proxy proxy_http headers']);
    expect(argvs(sinceConfig, 'a2ensite')).toEqual(['a2ensite openstack_https_frontend']);
    expect(sim.readFile(UNIT, ENABLED)).toBe(sim.readFile(UNIT, SITE));
    expect(sim.readFile(UNIT, SITE)).toContain('<VirtualHost 10.5.0.10:9282>');
    expect(serviceActions(sinceConfig)).toContain('restart');
    expect(sim.readFile(UNIT, '/etc/apache2/ssl/glance/cert_glance.example.com')).toBe(CERT);
    expect(sim.readFile(UNIT, '/etc/apache2/ssl/glance/key_10.5.0.10')).toBe(KEY);
    expect(sim.readFile(UNIT, '/etc/glance/glance-api.conf')).toMatch(/^bind_port = 9272$/m);
    expect(sim.readFile(UNIT, '/etc/haproxy/haproxy.cfg')).toContain('server glance-0 10.5.0.10:9282 check check-ssl verify none');
  });

  it('registers https endpoints', () => {
    expect(sim.published(keystone, UNIT)).toMatchObject({
      public_url: 'https://glance.example.com:9292',
      internal_url: 'https://10.5.0.10:9292',
      admin_url: 'https://10.5.0.10:9292',
    });
    expect(sim.status(UNIT)).toMatchObject({ status: 'active', message: 'Unit is ready' });
  });

  it('runs no Apache command and rewrites no certificate on the next hook', async () => {
    const again = await sim.updateStatus();
    expect(failed(again)).toEqual([]);
    expect(again.flatMap((r) => r.commands).filter((c) => /^a2|update-ca/.test(c.argv[0] ?? ''))).toEqual([]);
    expect(serviceActions(again)).not.toContain('restart');
  });

  describe('certificates from vault', () => {
    const VAULT_CA = pem('CERTIFICATE', 'vault root');
    const issued = (cn: string) => ({ cert: pem('CERTIFICATE', `issued for ${cn}`), key: pem('PRIVATE KEY', `key for ${cn}`) });
    let vault: string;
    let results: HookResult[];

    beforeAll(async () => {
      await sim.config({ ssl_cert: null, ssl_key: null });
      sim.remote('vault', {
        onChange: (seen) => {
          const requests = JSON.parse(seen.units[UNIT]?.cert_requests ?? '{}') as Record<string, unknown>;
          const key = 'glance_0.processed_requests';
          if (Object.keys(requests).length === 0 || seen.remoteUnits['vault/0']?.[key]) return undefined;
          const certs = Object.fromEntries(Object.keys(requests).map((cn) => [cn, issued(cn)]));
          return { units: { 'vault/0': { [key]: JSON.stringify(certs), ca: VAULT_CA, chain: '' } } };
        },
      });
      const integration = await sim.integrate('certificates', 'vault');
      vault = integration.id;
      results = integration.results;
    }, SETUP_MS);

    it('asks for the unit certificate and the public host name', () => {
      expect(failed(sim.history)).toEqual([]);
      const request = JSON.parse(sim.published(vault, UNIT).cert_requests ?? '{}');
      expect(request).toEqual({ 'glance.example.com': { sans: ['10.5.0.10', 'glance.example.com'] }, 'juju-glance-0': { sans: ['10.5.0.10'] } });
      expect(sim.published(vault, UNIT).unit_name).toBe('glance_0');
    });

    it('installs what vault issued, under every name a vhost uses, and trusts the vault CA', () => {
      expect(sim.readFile(UNIT, '/etc/apache2/ssl/glance/cert_glance.example.com')).toBe(issued('glance.example.com').cert);
      expect(sim.readFile(UNIT, '/etc/apache2/ssl/glance/cert_juju-glance-0')).toBe(issued('juju-glance-0').cert);
      expect(sim.readFile(UNIT, '/etc/apache2/ssl/glance/cert_10.5.0.10')).not.toBeNull();
      expect(sim.readFile(UNIT, '/usr/local/share/ca-certificates/vault_juju_ca_cert.crt')).toBe(VAULT_CA);
      expect(argvs(results, 'update-ca-certificates')).toEqual(['update-ca-certificates --fresh']);
      expect(sim.published(keystone, UNIT).public_url).toBe('https://glance.example.com:9292');
    });
  });

  describe('switched off', () => {
    let results: HookResult[];
    beforeAll(async () => {
      results = await sim.removeRelation(sim.relations('certificates')[0]?.id ?? -1);
    }, SETUP_MS);

    it('disables the site, stops Apache, and moves glance-api and the endpoints back to http', () => {
      expect(failed(results)).toEqual([]);
      expect(argvs(results, 'a2dissite')).toEqual(['a2dissite openstack_https_frontend']);
      expect(sim.readFile(UNIT, ENABLED)).toBeNull();
      expect(serviceActions(results)).toContain('stop');
      expect(sim.readFile(UNIT, '/etc/glance/glance-api.conf')).toMatch(/^bind_port = 9282$/m);
      expect(sim.published(keystone, UNIT)).toMatchObject({ public_url: 'http://glance.example.com:9292', internal_url: 'http://10.5.0.10:9292' });
    });
  });
});
