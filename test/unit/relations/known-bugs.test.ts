/**
 * KNOWN BUGS (these tests FAIL against the current src/ on purpose; the lead decides whether to fix
 * the handlers or drop this file). Each says what the reference charm did and what glance does.
 */
import { describe, expect, it } from 'vitest';
import { identityService } from '../../../src/relations/identity-service.js';
import { sharedDb } from '../../../src/relations/shared-db.js';
import { publishEnv, readEnv } from '../../fixtures/relation-env.js';
import { KEYSTONE_REPLY, relation } from '../../fixtures/snapshot.js';

describe('known bug: identity-service with an IPv6 keystone', () => {
  // charmhelpers IdentityServiceContext: serv_host = format_ipv6_addr(serv_host) or serv_host (same
  // for auth_host). Keystone sends its resolved address bare, so glance writes http://fd00::10:5000/v3,
  // which is no URL: keystonemiddleware, [barbican] and the cinder/swift stores cannot reach keystone.
  it('brackets a bare IPv6 service_host and auth_host in the URLs it builds', () => {
    const r = identityService.read([relation('identity-service', 2, 'keystone', { 'keystone/0': { ...KEYSTONE_REPLY, service_host: 'fd00::10', auth_host: 'fd00::11' } })], readEnv());
    expect(r).toMatchObject({ state: 'ready', context: { serviceUrl: 'http://[fd00::10]:5000/v3', authUrl: 'http://[fd00::11]:35357/v3' } });
  });
});

describe('known bug: shared-db hostname with prefer-ipv6', () => {
  // Reference sync_db_with_multi_ipv6_addresses: get_ipv6_addr(dynamic_only=False) (scope global
  // addresses only, so never ::1) plus every IPv6 VIP. glance sends ::1 (from lo) as a grant host and
  // leaves the VIPs out, so MySQL may refuse a connection that leaves from the VIP.
  it('sends the global IPv6 addresses and the IPv6 VIPs, never the loopback', () => {
    const host = {
      addresses: [
        { interfaceName: 'lo', address: '127.0.0.1', prefixLength: 8, family: 'inet' as const },
        { interfaceName: 'lo', address: '::1', prefixLength: 128, family: 'inet6' as const },
        { interfaceName: 'ens3', address: '10.0.0.50', prefixLength: 24, family: 'inet' as const },
        { interfaceName: 'ens3', address: 'fe80::1', prefixLength: 64, family: 'inet6' as const },
        { interfaceName: 'ens3', address: '2001:db8::50', prefixLength: 64, family: 'inet6' as const },
      ],
    };
    const out = sharedDb.publish?.(relation('shared-db', 3, 'mysql'), publishEnv({ options: { 'prefer-ipv6': true, vip: 'fd00::100 10.0.0.100' }, host }), {});
    expect(JSON.parse(out?.hostname ?? '[]')).toEqual(['2001:db8::50', 'fd00::100']);
  });
});
