/**
 * identity-service, called directly: the credentials keystone hands glance (unit databags, or
 * the app databag of an ops-based keystone), the [keystone_authtoken] lines they become, and
 * the endpoints glance registers (withheld while a VIP is configured but not clustered).
 */
import { describe, expect, it } from 'vitest';
import { identityService } from '../../../src/relations/identity-service.js';
import type { Databag } from '../../../src/snapshot.js';
import { publishEnv, readEnv } from '../../fixtures/relation-env.js';
import { KEYSTONE_REPLY, relation } from '../../fixtures/snapshot.js';
import { referenceRelationData } from '../ha/reference-outputs.js';

const env = readEnv();
const REQUIRED = ['service_host', 'service_port', 'auth_host', 'auth_port', 'service_tenant', 'service_username', 'service_password'];
const rel = (units: Record<string, Databag>, appData: Databag = {}) => [relation('identity-service', 2, 'keystone', units, appData)];
const one = (bag: Databag, e = env) => identityService.read(rel({ 'keystone/0': bag }), e);

/** The golden caracal [keystone_authtoken] (reference caracal-full glance-api.conf), in order. */
const GOLDEN_AUTHTOKEN = [
  ['auth_type', 'password'],
  ['www_authenticate_uri', 'http://10.0.0.10:5000/v3'],
  ['auth_url', 'http://10.0.0.10:35357/v3'],
  ['project_domain_name', 'service_domain'],
  ['user_domain_name', 'service_domain'],
  ['project_name', 'services'],
  ['username', 'glance'],
  ['password', 'KSPASS'],
  ['signing_dir', '/var/cache/glance'],
];

describe('identity-service: what the read phase and status rely on', () => {
  it('reads unit databags and, unless a unit already has service_password, the app databag; required identity group', () => {
    expect(identityService.endpoint).toBe('identity-service');
    expect(identityService.reads).toBe('units+app');
    expect(identityService.completeWith).toBe('service_password');
    expect(identityService.group).toEqual({ name: 'identity', required: true });
    expect(identityService.ownBag).toBeUndefined();
    expect(identityService.binding).toBeUndefined();
    expect(identityService.files).toBeUndefined();
    expect(identityService.paths).toBeUndefined();
    expect(identityService.teardown).toBeUndefined();
  });
});

describe('identity-service: readiness', () => {
  it('is absent when unrelated', () => {
    expect(identityService.read([], env)).toEqual({ state: 'absent' });
  });

  it('is incomplete, naming every required key, until keystone answers in full', () => {
    const missing = { state: 'incomplete', missing: REQUIRED };
    expect(identityService.read(rel({}), env)).toEqual(missing);
    expect(one({ 'private-address': '10.0.0.10' })).toEqual(missing);
    for (const key of REQUIRED) {
      const { [key]: _gone, ...partial } = KEYSTONE_REPLY;
      expect(one(partial), key).toEqual(missing);
    }
  });

  it('is ready with the golden reply: authtoken in the reference order and every credential', () => {
    expect(one(KEYSTONE_REPLY)).toEqual({
      state: 'ready',
      context: {
        authtoken: GOLDEN_AUTHTOKEN,
        serviceUrl: 'http://10.0.0.10:5000/v3',
        authUrl: 'http://10.0.0.10:35357/v3',
        projectName: 'services',
        username: 'glance',
        password: 'KSPASS',
        projectDomainName: 'service_domain',
        projectDomainId: 'domainid456',
        userDomainName: 'service_domain',
        userDomainId: 'domainid456',
        apiVersion: '3',
      },
    });
  });

  it('names the public identity URL auth_uri before stein, www_authenticate_uri from stein on', () => {
    const queens = one(KEYSTONE_REPLY, readEnv({ release: 'queens' }));
    const rocky = one(KEYSTONE_REPLY, readEnv({ release: 'rocky' }));
    const stein = one(KEYSTONE_REPLY, readEnv({ release: 'stein' }));
    expect(queens.state === 'ready' && queens.context.authtoken[1]).toEqual(['auth_uri', 'http://10.0.0.10:5000/v3']);
    expect(rocky.state === 'ready' && rocky.context.authtoken[1]).toEqual(['auth_uri', 'http://10.0.0.10:5000/v3']);
    expect(stein.state === 'ready' && stein.context.authtoken[1]).toEqual(['www_authenticate_uri', 'http://10.0.0.10:5000/v3']);
  });

  it('defaults the protocols to http, the API version to 3 and the domains to empty', () => {
    const { service_protocol: _s, auth_protocol: _a, api_version: _v, service_domain: _d, service_domain_id: _i, ...bare } = KEYSTONE_REPLY;
    expect(one(bare)).toMatchObject({
      state: 'ready',
      context: { serviceUrl: 'http://10.0.0.10:5000/v3', authUrl: 'http://10.0.0.10:35357/v3', apiVersion: '3', projectDomainName: '', userDomainId: '' },
    });
  });

  it('uses https and the public/internal auth URLs keystone offers, and adds service_type', () => {
    const r = one({
      ...KEYSTONE_REPLY,
      service_protocol: 'https',
      auth_protocol: 'https',
      public_auth_url: 'https://keystone.example.com:5000',
      internal_auth_url: 'https://keystone.internal:35357/v3',
      service_type: 'image',
    });
    expect(r).toMatchObject({ state: 'ready', context: { serviceUrl: 'https://10.0.0.10:5000/v3', authUrl: 'https://keystone.internal:35357/v3' } });
    expect(r.state === 'ready' && r.context.authtoken).toEqual([
      ['auth_type', 'password'],
      ['www_authenticate_uri', 'https://keystone.example.com:5000/v3'],
      ['auth_url', 'https://keystone.internal:35357/v3'],
      ['project_domain_name', 'service_domain'],
      ['user_domain_name', 'service_domain'],
      ['project_name', 'services'],
      ['username', 'glance'],
      ['password', 'KSPASS'],
      ['signing_dir', '/var/cache/glance'],
      ['service_type', 'image'],
    ]);
  });

  it('reads an ops-based keystone from the app databag, its keys spelled with dashes', () => {
    const appData = Object.fromEntries(Object.entries(KEYSTONE_REPLY).map(([k, v]) => [k.replaceAll('_', '-'), v]));
    expect(identityService.read(rel({ 'keystone/0': { 'private-address': '10.0.0.10' } }, appData), env)).toEqual(one(KEYSTONE_REPLY));
    // The unit databags win when both are complete.
    const both = identityService.read(rel({ 'keystone/0': KEYSTONE_REPLY }, { ...appData, 'service-password': 'OTHER' }), env);
    expect(both).toMatchObject({ context: { password: 'KSPASS' } });
  });

  it('takes the first complete unit, over one that is not', () => {
    const r = identityService.read(rel({ 'keystone/0': { service_host: '10.0.0.10' }, 'keystone/1': { ...KEYSTONE_REPLY, service_password: 'FROM1' } }), env);
    expect(r).toMatchObject({ state: 'ready', context: { password: 'FROM1' } });
  });

  it('keeps waiting on values that do not fit their line or kind, without throwing', () => {
    const hostile: Databag[] = [
      { ...KEYSTONE_REPLY, service_password: 'pw\n[DEFAULT]' },
      { ...KEYSTONE_REPLY, service_username: 'glance\r' },
      { ...KEYSTONE_REPLY, service_tenant: 'services\0' },
      { ...KEYSTONE_REPLY, service_domain: 'dom\nauth_type = none' },
      { ...KEYSTONE_REPLY, api_version: '3\n' },
      { ...KEYSTONE_REPLY, service_host: 'keystone host' },
      { ...KEYSTONE_REPLY, service_host: '10.0.0.10/evil' },
      { ...KEYSTONE_REPLY, auth_host: '10.0.0.10\n' },
      { ...KEYSTONE_REPLY, service_port: '0' },
      { ...KEYSTONE_REPLY, service_port: '65536' },
      { ...KEYSTONE_REPLY, auth_port: '5000x' },
      { ...KEYSTONE_REPLY, auth_port: '' },
      { ...KEYSTONE_REPLY, service_protocol: 'ftp' },
      { ...KEYSTONE_REPLY, auth_protocol: 'HTTP' },
      { ...KEYSTONE_REPLY, public_auth_url: 'javascript:alert(1)' },
      { ...KEYSTONE_REPLY, internal_auth_url: 'http://keystone\n.example.com' },
      { ...KEYSTONE_REPLY, internal_auth_url: 'not a url' },
    ];
    for (const bag of hostile) expect(one(bag), JSON.stringify(bag)).toEqual({ state: 'incomplete', missing: REQUIRED });
  });

  it('accepts an IPv6 or DNS keystone host', () => {
    expect(one({ ...KEYSTONE_REPLY, service_host: 'keystone.example.com' })).toMatchObject({ context: { serviceUrl: 'http://keystone.example.com:5000/v3' } });
    expect(one({ ...KEYSTONE_REPLY, auth_host: '[fd00::10]' })).toMatchObject({ context: { authUrl: 'http://[fd00::10]:35357/v3' } });
  });
});

describe('identity-service: what glance registers', () => {
  const publish = (o: Parameters<typeof publishEnv>[0] = {}) => identityService.publish?.(relation('identity-service', 2, 'keystone'), publishEnv(o), {});

  it('registers its endpoints on the unit address (golden keystone_joined, not clustered, no https)', () => {
    expect(publish()).toEqual(referenceRelationData('keystone_joined (not clustered, no https)'));
    expect(publish({ options: { region: 'RegionTwo' } })?.region).toBe('RegionTwo');
  });

  it('withholds its endpoints while a VIP is set and hacluster has not reported clustered (LP #1544959)', () => {
    expect(publish({ options: { vip: '10.0.0.100' }, clustered: false })).toBeUndefined();
  });

  it('registers the VIP once clustered', () => {
    expect(publish({ options: { vip: '10.0.0.100' }, clustered: true })).toEqual({
      service: 'glance',
      region: 'RegionOne',
      public_url: 'http://10.0.0.100:9292',
      internal_url: 'http://10.0.0.100:9292',
      admin_url: 'http://10.0.0.100:9292',
    });
  });

  it('registers https and the public host name (golden keystone_joined public hostname + https)', () => {
    expect(publish({ options: { 'os-public-hostname': 'glance.example.com' }, https: true })).toEqual(
      referenceRelationData('keystone_joined public hostname + https'),
    );
  });
});

describe('identity-service with an IPv6 keystone', () => {
  // charmhelpers IdentityServiceContext: serv_host = format_ipv6_addr(serv_host) or serv_host (same
  // for auth_host). Keystone sends its resolved address bare, so glance writes http://fd00::10:5000/v3,
  // which is no URL: keystonemiddleware, [barbican] and the cinder/swift stores cannot reach keystone.
  it('brackets a bare IPv6 service_host and auth_host in the URLs it builds', () => {
    const r = identityService.read([relation('identity-service', 2, 'keystone', { 'keystone/0': { ...KEYSTONE_REPLY, service_host: 'fd00::10', auth_host: 'fd00::11' } })], readEnv());
    expect(r).toMatchObject({ state: 'ready', context: { serviceUrl: 'http://[fd00::10]:5000/v3', authUrl: 'http://[fd00::11]:35357/v3' } });
  });
});
