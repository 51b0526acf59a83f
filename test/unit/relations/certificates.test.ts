/**
 * certificates (tls-certificates, e.g. vault), called directly: the bundle issued for this unit
 * (only PEM, only names that can be file names), and the requests glance sends.
 */
import { describe, expect, it } from 'vitest';
import { certificates, certUnitName } from '../../../src/relations/certificates.js';
import type { Databag } from '../../../src/snapshot.js';
import { publishEnv, readEnv } from '../../fixtures/relation-env.js';
import { relation } from '../../fixtures/snapshot.js';
import { referenceRelationData } from '../ha/reference-outputs.js';

const env = readEnv();
const pem = (kind: string, body: string) => `-----BEGIN ${kind}-----\n${Buffer.from(body).toString('base64')}\n-----END ${kind}-----\n`;
const CA = pem('CERTIFICATE', 'vault root');
const CHAIN = pem('CERTIFICATE', 'vault intermediate');
const CERT = pem('CERTIFICATE', 'glance unit cert');
const KEY = pem('RSA PRIVATE KEY', 'glance unit key');
const PROCESSED = 'glance_0.processed_requests';
const MISSING = { state: 'incomplete', missing: ['ca', PROCESSED] };

const vault = (units: Record<string, Databag>, app = 'vault') => [relation('certificates', 8, app, units)];
const one = (bag: Databag, app = 'vault') => certificates.read(vault({ 'vault/0': bag }, app), env);
const issued = (certs: Record<string, unknown>) => JSON.stringify(certs);

describe('certificates: what the read phase and status rely on', () => {
  it('reads the unit databags; no status group, no files of its own (src/tls writes them from the context)', () => {
    expect(certificates.endpoint).toBe('certificates');
    expect(certificates.reads).toBe('units');
    expect(certificates.group).toBeUndefined();
    expect(certificates.completeWith).toBeUndefined();
    expect(certificates.ownBag).toBeUndefined();
    expect(certificates.binding).toBeUndefined();
    expect(certificates.files).toBeUndefined();
    expect(certificates.paths).toBeUndefined();
    expect(certificates.teardown).toBeUndefined();
  });

  it('spells the unit name as the interface does', () => {
    expect(certUnitName('glance/0')).toBe('glance_0');
    expect(certUnitName('glance-b/12')).toBe('glance-b_12');
  });
});

describe('certificates: readiness', () => {
  it('is absent when unrelated, incomplete (naming the CA and this unit\'s key) until the bundle arrives', () => {
    expect(certificates.read([], env)).toEqual({ state: 'absent' });
    expect(certificates.read(vault({}), env)).toEqual(MISSING);
    expect(one({ 'private-address': '10.0.0.70' })).toEqual(MISSING);
    expect(one({ ca: CA })).toEqual(MISSING);
    expect(one({ [PROCESSED]: issued({ 'juju-glance-0': { cert: CERT, key: KEY } }) })).toEqual(MISSING);
    // Issued for another unit only.
    expect(one({ ca: CA, 'glance_1.processed_requests': issued({ 'juju-glance-1': { cert: CERT, key: KEY } }) })).toEqual(MISSING);
    expect(certificates.read(vault({}), readEnv({ unitName: 'glance/3' }))).toEqual({ state: 'incomplete', missing: ['ca', 'glance_3.processed_requests'] });
  });

  it('is ready with the CA, the chain and every certificate issued for this unit', () => {
    const r = one({ ca: CA, chain: CHAIN, [PROCESSED]: issued({ 'juju-glance-0': { cert: CERT, key: KEY }, 'glance.example.com': { cert: CERT, key: KEY } }) });
    expect(r).toEqual({
      state: 'ready',
      context: { caApp: 'vault', ca: CA, chain: CHAIN, certs: { 'juju-glance-0': { cert: CERT, key: KEY }, 'glance.example.com': { cert: CERT, key: KEY } } },
    });
    expect(one({ ca: CA, [PROCESSED]: issued({ '10.0.0.50': { cert: CERT, key: KEY } }) })).toMatchObject({ context: { chain: undefined, certs: { '10.0.0.50': {} } } });
  });

  it('names the CA file after the signing application, unless that name could not be a file name', () => {
    const bag = { ca: CA, [PROCESSED]: issued({ 'juju-glance-0': { cert: CERT, key: KEY } }) };
    expect(one(bag, 'easyrsa')).toMatchObject({ context: { caApp: 'easyrsa' } });
    expect(one(bag, '../../etc')).toMatchObject({ context: { caApp: 'certificates' } });
    expect(one(bag, '')).toMatchObject({ context: { caApp: 'certificates' } });
  });

  it('ignores certificates whose name would leave the certificate directory; none left: incomplete', () => {
    const r = one({ ca: CA, [PROCESSED]: issued({ '../../../etc/cron.d/x': { cert: CERT, key: KEY }, 'a/b': { cert: CERT, key: KEY }, 'juju-glance-0': { cert: CERT, key: KEY } }) });
    expect(r.state === 'ready' && Object.keys(r.context.certs)).toEqual(['juju-glance-0']);
    expect(one({ ca: CA, [PROCESSED]: issued({ '..': { cert: CERT, key: KEY }, 'x\ny': { cert: CERT, key: KEY } }) })).toEqual(MISSING);
  });

  it('keeps waiting on anything but PEM and well-formed JSON, never throwing; a chain that is not PEM is dropped', () => {
    const good = issued({ 'juju-glance-0': { cert: CERT, key: KEY } });
    const hostile: Databag[] = [
      { ca: 'not a certificate', [PROCESSED]: good },
      { ca: `${CA}ServerName evil`, [PROCESSED]: good },
      { ca: CA.replaceAll('\n', '\r\n'), [PROCESSED]: good },
      { ca: CA, [PROCESSED]: '{not json' },
      { ca: CA, [PROCESSED]: '[]' },
      { ca: CA, [PROCESSED]: 'null' },
      { ca: CA, [PROCESSED]: issued({ 'juju-glance-0': { cert: 'plain text', key: KEY } }) },
      { ca: CA, [PROCESSED]: issued({ 'juju-glance-0': { cert: CERT } }) },
      { ca: CA, [PROCESSED]: issued({ 'juju-glance-0': { cert: CERT, key: 42 } }) },
      { ca: CA, [PROCESSED]: issued({}) },
    ];
    for (const bag of hostile) expect(one(bag), JSON.stringify(bag)).toEqual(MISSING);
    expect(one({ ca: CA, chain: 'garbage\n', [PROCESSED]: good })).toMatchObject({ state: 'ready', context: { chain: undefined } });
  });

  it('takes the first unit with a usable bundle', () => {
    const r = certificates.read(
      vault({ 'vault/0': { ca: 'bad', [PROCESSED]: '{}' }, 'vault/1': { ca: CA, [PROCESSED]: issued({ 'juju-glance-0': { cert: CERT, key: KEY } }) } }),
      env,
    );
    expect(r).toMatchObject({ state: 'ready', context: { ca: CA } });
  });
});

describe('certificates: what glance asks for', () => {
  const host = { files: { '/etc/hostname': 'juju-glance-0\n' } };
  const publish = (o: Parameters<typeof publishEnv>[0] = {}) => certificates.publish?.(relation('certificates', 8, 'vault'), publishEnv({ host, ...o }), {});

  it('asks for the unit certificate named after the host, covering its address (golden certs_joined)', () => {
    expect(publish()).toEqual(referenceRelationData('certs_joined'));
  });

  it('asks for one certificate per host name, with the VIP (golden certs_joined with public hostname)', () => {
    expect(publish({ options: { vip: '10.0.0.100', 'os-public-hostname': 'glance.example.com' } })).toEqual(referenceRelationData('certs_joined with public hostname'));
  });

  it('names the unit certificate after its address when /etc/hostname is missing', () => {
    expect(publish({ host: { files: {} } })).toEqual({ cert_requests: '{"10.0.0.50": {"sans": ["10.0.0.50"]}}', unit_name: 'glance_0' });
  });
});
