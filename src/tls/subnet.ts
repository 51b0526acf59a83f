/**
 * The subnet of one of this unit's addresses (reference `resolve_network_cidr`): the prefix the
 * host's interface gives it, else the netmask address resolution found for it.
 */
import type { UnitAddress } from '../network/addresses.js';
import { inCidr, isIpv6 } from '../base/net.js';
import type { HostAddress } from '../snapshot.js';

/** "255.255.255.0" → 24; an IPv6 netmask is already a prefix length. */
export function prefixOf(netmask: string): number {
  if (!netmask.includes('.')) return Number(netmask);
  return netmask.split('.').reduce((bits, octet) => bits + (Number(octet) >>> 0).toString(2).replaceAll('0', '').length, 0);
}

export function subnetOf(unit: UnitAddress, host: readonly HostAddress[]): string {
  const own = host.find((h) => h.address === unit.address);
  const prefix = own?.prefixLength ?? prefixOf(unit.netmask);
  return `${unit.address}/${Number.isFinite(prefix) ? prefix : isIpv6(unit.address) ? 128 : 32}`;
}

/** The VIP configured for that subnet; the last match wins, as in the reference. */
export function vipIn(subnet: string, vips: readonly string[]): string | undefined {
  return vips.filter((v) => inCidr(v, subnet)).at(-1);
}
