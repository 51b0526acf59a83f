import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/index.js';
import { resolveAddresses } from '../../../src/network/addresses.js';
import { inCidr, netmaskOf, urlHost } from '../../../src/base/net.js';
import { network } from '../../fixtures/snapshot.js';

const host = [
  { interfaceName: 'ens3', address: '10.0.0.50', prefixLength: 24, family: 'inet' as const },
  { interfaceName: 'ens4', address: '192.168.10.5', prefixLength: 24, family: 'inet' as const },
  { interfaceName: 'ens5', address: '172.16.0.5', prefixLength: 16, family: 'inet' as const },
];
const spaces = {
  public: network('172.16.0.5', '172.16.0.0/16', 'ens5'),
  internal: network('10.0.0.50'),
  admin: network('10.0.0.50'),
  cluster: network('10.0.0.50'),
};
const inputs = (cfg: Record<string, unknown>, clustered = false) => ({
  config: parseConfig(cfg).config,
  appName: 'glance',
  networks: spaces,
  privateAddress: '10.0.0.50',
  hostAddresses: host,
  clustered,
});

describe('address resolution (reference §7.3)', () => {
  it('uses the binding of each endpoint type (network spaces)', () => {
    const a = resolveAddresses(inputs({}));
    expect(a.resolved).toEqual({ public: '172.16.0.5', internal: '10.0.0.50', admin: '10.0.0.50' });
    expect(a.unit.public.netmask).toBe('255.255.0.0');
  });
  it('prefers os-<type>-network over the binding', () => {
    const a = resolveAddresses(inputs({ 'os-public-network': '192.168.10.0/24' }));
    expect(a.resolved.public).toBe('192.168.10.5');
  });
  it('prefers the hostname option over everything, with {service_name} substituted', () => {
    const a = resolveAddresses(inputs({ 'os-public-hostname': '{service_name}.example.com', vip: '10.0.0.100' }, true));
    expect(a.resolved.public).toBe('glance.example.com');
    expect(a.resolved.internal).toBe('10.0.0.100');
  });
  it('uses the VIP of each network once clustered, and the unit address before', () => {
    const cfg = { vip: '10.0.0.100 172.16.0.100' };
    expect(resolveAddresses(inputs(cfg, false)).resolved.public).toBe('172.16.0.5');
    expect(resolveAddresses(inputs(cfg, true)).resolved).toEqual({ public: '172.16.0.100', internal: '10.0.0.100', admin: '10.0.0.100' });
  });
});

describe('ip arithmetic', () => {
  it('tests CIDR membership for v4 and v6', () => {
    expect(inCidr('10.0.0.50', '10.0.0.0/24')).toBe(true);
    expect(inCidr('10.0.1.50', '10.0.0.0/24')).toBe(false);
    expect(inCidr('2001:db8::5', '2001:db8::/64')).toBe(true);
    expect(inCidr('2001:db9::5', '2001:db8::/64')).toBe(false);
    expect(inCidr('10.0.0.5', '2001:db8::/64')).toBe(false);
  });
  it('formats netmasks and URL hosts', () => {
    expect(netmaskOf(24, 4)).toBe('255.255.255.0');
    expect(netmaskOf(16, 4)).toBe('255.255.0.0');
    expect(urlHost('2001:db8::5')).toBe('[2001:db8::5]');
    expect(urlHost('10.0.0.5')).toBe('10.0.0.5');
  });
});
