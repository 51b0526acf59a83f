/** The hacluster resource pieces on their own: naming, IPv6, NIC detection, JSON form. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nicFor } from '../../../src/ha/nic.js';
import { pythonJson } from '../../../src/base/python-json.js';
import { vipResourceName, vipResources } from '../../../src/ha/vip-resources.js';
import type { HostAddress } from '../../../src/snapshot.js';

const v6 = (interfaceName: string, address: string, prefixLength = 64): HostAddress => ({ interfaceName, address, prefixLength, family: 'inet6' });
const v4 = (interfaceName: string, address: string, prefixLength = 24): HostAddress => ({ interfaceName, address, prefixLength, family: 'inet' });
const FALLBACK = { iface: 'eth0', cidr: 24 };

describe('VIP resources', () => {
  it('names a VIP after its sha1, whatever the interface', () => {
    const sha = createHash('sha1').update('10.5.100.1').digest('hex');
    expect(vipResourceName('10.5.100.1')).toBe(`res_glance_${sha.slice(0, 7)}_vip`);
    expect(vipResourceName('10.5.100.1')).toBe('res_glance_242d562_vip');
  });

  it('uses IPv6addr and ipv6addr= for an IPv6 VIP found on an interface', () => {
    const r = vipResources(['2001:db8::100'], [v6('ens3', 'fe80::1'), v6('ens4', '2001:db8::5')], FALLBACK);
    const name = vipResourceName('2001:db8::100');
    expect(r.resources[name]).toBe('ocf:heartbeat:IPv6addr');
    expect(r.resource_params[name]).toBe('params ipv6addr="2001:db8::100" op monitor timeout="20s" interval="10s" depth="0"');
    expect(r.delete_resources).toEqual(['res_glance_ens4_vip']);
  });

  it('passes vip_iface and vip_cidr when no interface is on the VIP subnet', () => {
    const r = vipResources(['2001:db8::100'], [v4('ens3', '10.0.0.50')], { iface: 'bond0', cidr: 64 });
    expect(r.resource_params[vipResourceName('2001:db8::100')]).toBe(
      'params ipv6addr="2001:db8::100" cidr_netmask="64" nic="bond0" op monitor timeout="20s" interval="10s" depth="0"',
    );
    expect(r.delete_resources).toEqual(['res_glance_bond0_vip']);
  });

  it('marks the second old name on the same interface with its parameter name', () => {
    const r = vipResources(['10.0.0.100', '2001:db8::100'], [v4('ens3', '10.0.0.50'), v6('ens3', '2001:db8::5')], FALLBACK);
    expect(r.delete_resources).toEqual(['res_glance_ens3_vip', 'res_glance_ens3_vip_ipv6addr']);
    expect(r.groups).toEqual({ grp_glance_vips: `${vipResourceName('10.0.0.100')} ${vipResourceName('2001:db8::100')}` });
  });
});

describe('NIC detection from the host addresses', () => {
  it('finds the interface whose subnet holds the VIP, secondary addresses included', () => {
    const host = [v4('lo', '127.0.0.1', 8), v4('ens3', '10.0.0.50'), v4('ens3', '192.168.1.50'), v4('ens4', '172.16.0.5', 16)];
    expect(nicFor('192.168.1.100', host)).toEqual({ iface: 'ens3', prefixLength: 24 });
    expect(nicFor('172.16.9.9', host)).toEqual({ iface: 'ens4', prefixLength: 16 });
    expect(nicFor('10.9.0.1', host)).toBeUndefined();
  });

  it('never matches an IPv6 VIP through a link-local address', () => {
    expect(nicFor('fe80::100', [v6('ens3', 'fe80::1', 64)])).toBeUndefined();
  });
});

describe('JSON as Python writes it', () => {
  const value = { b: [1, 'x'], a: { d: true, c: null }, 'é': 'ü' };
  it('compact: sorted keys at every level, no spaces, non-ASCII escaped', () => {
    expect(pythonJson(value, 'compact')).toBe('{"a":{"c":null,"d":true},"b":[1,"x"],"\\u00e9":"\\u00fc"}');
  });
  it('spaced: Python\'s default separators', () => {
    expect(pythonJson({ z: { sans: ['1', '2'] }, a: {} }, 'spaced')).toBe('{"a": {}, "z": {"sans": ["1", "2"]}}');
  });
  it('escapes U+007F as Python does (only space to ~ stay as they are), in both styles', () => {
    // json.dumps({'k': 'a\x7fb~'}) == '{"k": "a\\u007fb~"}'
    expect(pythonJson({ k: 'a\u007fb~' }, 'spaced')).toBe('{"k": "a\\u007fb~"}');
    expect(pythonJson({ k: 'a\u007fb~' }, 'compact')).toBe('{"k":"a\\u007fb~"}');
  });
});
