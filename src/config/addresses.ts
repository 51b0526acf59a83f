/** IP addresses, CIDR networks and DNS host names as the network options hold them. */
import { isIPv4, isIPv6 } from 'node:net';
import { type Check, bad, ok, show } from './check.js';

/** A zone index ("fe80::1%eth0") is meaningless in a VIP or an endpoint, so it is refused. */
export const isIpAddress = (text: string): boolean => isIPv4(text) || (isIPv6(text) && !text.includes('%'));

export const ipAddress: Check<string, string> = (text) =>
  isIpAddress(text) ? ok(text) : bad(`${show(text)} is not an IP address`);

/** "10.0.0.0/24" or "2001:db8::/64"; host bits may be set, as the reference's netaddr allowed. */
export const cidr: Check<string, string> = (text) => {
  const [address = '', prefix = '', ...rest] = text.split('/');
  const bits = isIPv4(address) ? 32 : isIpAddress(address) ? 128 : 0;
  const valid = rest.length === 0 && bits > 0 && /^\d{1,3}$/.test(prefix) && Number(prefix) <= bits;
  return valid ? ok(text) : bad(`${show(text)} is not a network in CIDR form like 10.0.0.0/24`);
};

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
/** Endpoint host names may hold this placeholder; the charm replaces it with the application name. */
const PLACEHOLDER = '{service_name}';

/** A DNS name: dot-separated labels of letters, digits and inner hyphens. */
export const isDnsName = (name: string): boolean => name.length <= 253 && name.split('.').every((label) => LABEL.test(label));

/** os-*-hostname: "the hostname or address" of an endpoint. */
export const hostName: Check<string, string> = (text) =>
  isDnsName(text.replaceAll(PLACEHOLDER, 'x')) || isIpAddress(text) ? ok(text) : bad(`${show(text)} is not a host name or IP address`);
