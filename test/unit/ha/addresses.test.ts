/**
 * Address resolution details HA depends on (reference §7.3): without bindings, the unit's own
 * IPv6 address is never a VIP hacluster put on it, and its subnet comes from the interface (so a
 * VIP in that subnet is found for certificates and per-network VIP choice).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/index.js';
import { resolveAddresses } from '../../../src/network/addresses.js';
import type { HostAddress } from '../../../src/snapshot.js';

const host: HostAddress[] = [
  { interfaceName: 'ens3', address: '2001:db8::100', prefixLength: 64, family: 'inet6' },
  { interfaceName: 'ens3', address: '2001:db8::5', prefixLength: 64, family: 'inet6' },
  { interfaceName: 'ens3', address: 'fe80::5', prefixLength: 64, family: 'inet6' },
  { interfaceName: 'ens3', address: '10.0.0.50', prefixLength: 22, family: 'inet' },
];
const resolve = (cfg: Record<string, unknown>) =>
  resolveAddresses({ config: parseConfig(cfg).config, appName: 'glance', networks: {}, privateAddress: '10.0.0.50', hostAddresses: host, clustered: false });

describe('addresses without network bindings', () => {
  it('with prefer-ipv6, takes a global IPv6 address of the host that is not a VIP', () => {
    const a = resolve({ 'prefer-ipv6': true, vip: '2001:db8::100' });
    expect(a.unit.public.address).toBe('2001:db8::5');
    expect(a.cluster.address).toBe('2001:db8::5');
  });

  it("gives the private address its interface's netmask", () => {
    expect(resolve({}).cluster).toEqual({ address: '10.0.0.50', netmask: '255.255.252.0' });
  });
});
