/**
 * Which interface of this unit a VIP belongs on: the first interface holding an address whose
 * subnet contains the VIP (reference `get_iface_for_address`, from `ip -j addr`). IPv6
 * link-local addresses are skipped, as the reference did. Unlike the reference, which looked
 * only at the first IPv4 address of each interface, every address counts, so a VIP in the
 * subnet of a secondary address is found too.
 */
import { inCidr, isIpv6 } from '../base/net.js';
import type { HostAddress } from '../snapshot.js';

export interface Nic {
  iface: string;
  prefixLength: number;
}

const linkLocal = (h: HostAddress): boolean => h.family === 'inet6' && inCidr(h.address, 'fe80::/10');

export function nicFor(vip: string, host: readonly HostAddress[]): Nic | undefined {
  const family = isIpv6(vip) ? 'inet6' : 'inet';
  const hit = host.find(
    (h) => h.family === family && !linkLocal(h) && inCidr(vip, `${h.address}/${h.prefixLength}`),
  );
  return hit ? { iface: hit.interfaceName, prefixLength: hit.prefixLength } : undefined;
}
