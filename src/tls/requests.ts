/**
 * What glance asks the certificates relation for (reference `get_certificate_request`): one
 * certificate per os-*-hostname, whose names are the host name, the address it resolves to,
 * this unit's address on that network and the VIP there; and one for the unit itself, named
 * after its host name, covering every other address clients may use (unit addresses, VIPs).
 * The reference never asked for os-internal-hostname (its address map calls that endpoint
 * "int", so the lookup failed); here all three host names get their certificate, otherwise
 * Apache would have no certificate for the internal name.
 */
import type { GlanceConfig } from '../config/index.js';
import type { Addresses, EndpointType } from '../network/addresses.js';
import { pythonJson } from '../base/python-json.js';
import type { Databag, HostSnapshot } from '../snapshot.js';
import { HOSTNAME_PATH } from './paths.js';
import { subnetOf, vipIn } from './subnet.js';

export interface CertRequestInputs {
  unitName: string;
  appName: string;
  config: GlanceConfig;
  addresses: Addresses;
  host: Pick<HostSnapshot, 'addresses' | 'files'>;
}

export interface CertRequest {
  cn: string;
  /** Sorted, without duplicates. */
  sans: string[];
}

/** The reference's binding order for API endpoints. */
const BINDINGS: readonly EndpointType[] = ['internal', 'admin', 'public'];

const hostnameOption = (t: EndpointType) => `os-${t}-hostname` as const;

// Python's sorted() on str: code unit order, not locale order.
const sortedUnique = (xs: readonly string[]): string[] => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The unit's host name from /etc/hostname; its own address when the file is missing. */
export function unitHostname(i: CertRequestInputs): string {
  const name = i.host.files[HOSTNAME_PATH]?.trim().split(/\s/)[0];
  return name || i.addresses.cluster.address;
}

export function certRequests(i: CertRequestInputs): CertRequest[] {
  const vips = i.config.vip;
  const present = (xs: ReadonlyArray<string | undefined>) => xs.filter((x): x is string => Boolean(x));
  const local = i.addresses.cluster;
  // The unit's own address (and its VIP) always stay on the unit certificate.
  const unitBase = present([local.address, vipIn(subnetOf(local, i.host.addresses), vips)]);
  const seen: string[] = [local.address];
  const named = new Map<string, string[]>();
  const claimed = new Set<string>();
  for (const t of BINDINGS) {
    const own = i.addresses.unit[t];
    const names = present([i.addresses.resolved[t], own.address, vipIn(subnetOf(own, i.host.addresses), vips)]);
    seen.push(...names);
    const hostname = i.config[hostnameOption(t)]?.replaceAll('{service_name}', i.appName);
    if (hostname) {
      named.set(hostname, [...(named.get(hostname) ?? []), ...names]);
      for (const n of names) claimed.add(n);
    }
  }
  const unitSans = [...unitBase, ...seen.filter((n) => !claimed.has(n))];
  const cn = unitHostname(i);
  named.set(cn, [...(named.get(cn) ?? []), ...unitSans]);
  return [...named].map(([name, sans]) => ({ cn: name, sans: sortedUnique(sans) }));
}

/** The unit databag on the certificates relation. */
export function certRequestData(i: CertRequestInputs): Databag {
  const request = Object.fromEntries(certRequests(i).map((r) => [r.cn, { sans: r.sans }]));
  return { cert_requests: pythonJson(request, 'spaced'), unit_name: i.unitName.replace('/', '_') };
}
