/**
 * Which address each endpoint type uses, by the reference charm's rules (charmhelpers
 * `resolve_address`, reference §7.3): the os-<type>-hostname option, else (clustered with a VIP)
 * the VIP in that network, else the unit's address in os-<type>-network, else the address of
 * the <type> binding (network spaces), else the unit's private address.
 */
import type { GlanceConfig } from '../config/index.js';
import type { HostAddress, Network } from '../snapshot.js';
import { inCidr, isIpv6, netmaskOf, parseIp } from '../base/net.js';

export const ENDPOINT_TYPES = ['public', 'internal', 'admin'] as const;
export type EndpointType = (typeof ENDPOINT_TYPES)[number];

/** glance-api's URL per endpoint type, e.g. https://glance.example.com:9292 */
export type Endpoints = Record<EndpointType, string>;

export interface UnitAddress {
  address: string;
  netmask: string;
}

export interface Addresses {
  /** What clients are told (hostname, VIP or unit address), per endpoint type. */
  resolved: Record<EndpointType, string>;
  /** The unit's own address per endpoint type (haproxy frontends, peer data, certificates). */
  unit: Record<EndpointType, UnitAddress>;
  /** The unit's cluster (private) address: its own default haproxy backend. */
  cluster: UnitAddress;
  /** The shared-db binding address (the DB grant host). */
  sharedDb: string;
}

export interface AddressInputs {
  config: GlanceConfig;
  appName: string;
  networks: Record<string, Network | null>;
  privateAddress: string;
  hostAddresses: readonly HostAddress[];
  /** hacluster reported `clustered`. */
  clustered: boolean;
}

const CONFIG_TYPE: Record<EndpointType, 'public' | 'internal' | 'admin'> = {
  public: 'public',
  internal: 'internal',
  admin: 'admin',
};

export function hostAddressIn(cidrs: readonly string[], host: readonly HostAddress[]): UnitAddress | undefined {
  for (const cidr of cidrs) {
    const hit = host.find((h) => inCidr(h.address, cidr));
    if (hit) return { address: hit.address, netmask: netmaskOf(hit.prefixLength, hit.family === 'inet6' ? 6 : 4) };
  }
  return undefined;
}

function bindingAddress(net: Network | null | undefined): UnitAddress | undefined {
  const b = net?.bindAddresses[0];
  if (!b?.address) return undefined;
  const prefix = Number(b.cidr.split('/')[1] ?? (isIpv6(b.address) ? 128 : 32));
  return { address: b.address, netmask: netmaskOf(prefix, isIpv6(b.address) ? 6 : 4) };
}

/**
 * The unit's own address when neither option nor binding gives one. With prefer-ipv6, a global
 * IPv6 address of the host that is not one of the VIPs (hacluster may have put a VIP on this unit:
 * it must not become the unit's own address, as the reference's exc_list ensured). The netmask
 * comes from the interface holding the address, as the reference read it from netifaces.
 */
function fallback(inp: AddressInputs): UnitAddress {
  const vips = inp.config.vip ?? [];
  if (inp.config['prefer-ipv6']) {
    const v6 = inp.hostAddresses.find((h) => h.family === 'inet6' && !inCidr(h.address, 'fe80::/10') && !vips.includes(h.address));
    if (v6) return { address: v6.address, netmask: netmaskOf(v6.prefixLength, 6) };
  }
  const fam = parseIp(inp.privateAddress)?.family ?? 4;
  const own = inp.hostAddresses.find((h) => h.address === inp.privateAddress);
  return { address: inp.privateAddress, netmask: netmaskOf(own?.prefixLength ?? (fam === 4 ? 32 : 128), fam) };
}

function unitAddress(type: EndpointType, inp: AddressInputs): UnitAddress {
  const cidrs = inp.config[`os-${CONFIG_TYPE[type]}-network`] ?? [];
  return hostAddressIn(cidrs, inp.hostAddresses) ?? bindingAddress(inp.networks[type]) ?? fallback(inp);
}

function vipFor(type: EndpointType, inp: AddressInputs): string | undefined {
  const vips = inp.config.vip ?? [];
  if (!inp.clustered || vips.length === 0) return undefined;
  const cidrs = inp.config[`os-${CONFIG_TYPE[type]}-network`] ?? [];
  const bindingCidr = inp.networks[type]?.bindAddresses[0]?.cidr;
  return (
    vips.find((v) => cidrs.some((c) => inCidr(v, c))) ??
    (bindingCidr ? vips.find((v) => inCidr(v, bindingCidr)) : undefined) ??
    vips[0]
  );
}

function hostnameFor(type: EndpointType, inp: AddressInputs): string | undefined {
  const h = inp.config[`os-${CONFIG_TYPE[type]}-hostname`];
  return h ? h.replaceAll('{service_name}', inp.appName) : undefined;
}

export function resolveAddresses(inp: AddressInputs): Addresses {
  const unit = {} as Record<EndpointType, UnitAddress>;
  const resolved = {} as Record<EndpointType, string>;
  for (const t of ENDPOINT_TYPES) {
    unit[t] = unitAddress(t, inp);
    resolved[t] = hostnameFor(t, inp) ?? vipFor(t, inp) ?? unit[t].address;
  }
  const cluster = bindingAddress(inp.networks.cluster) ?? fallback(inp);
  const sharedDb = bindingAddress(inp.networks['shared-db'])?.address ?? cluster.address;
  return { resolved, unit, cluster, sharedDb };
}
