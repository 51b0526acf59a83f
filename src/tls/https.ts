/**
 * Whether Apache terminates TLS in front of glance-api, and its virtual hosts (reference
 * ApacheSSLContext): on when ssl_cert and ssl_key are both set, or once the certificates
 * relation has delivered this unit's certificates. One virtual host per distinct pair of
 * (this unit's address on a network, the name clients use there), sorted as the reference did.
 */
import { BACKEND_PORT, INTERNAL_PORT } from '../base/ports.js';
import type { GlanceConfig } from '../config/index.js';
import type { Addresses, EndpointType } from '../network/addresses.js';
import { urlHost } from '../base/net.js';
import type { CertificatesContext } from './files.js';
import { CERT_DIR } from './paths.js';

export interface HttpsVhost {
  /** Address Apache listens on (the unit's address for that endpoint type). */
  address: string;
  /** Name the certificate is stored under: cert_<cn>, key_<cn>. */
  cn: string;
}

export interface HttpsContext {
  /** Apache listens here (9282) and proxies to glance-api on `internalPort` (9272). */
  externalPort: number;
  internalPort: number;
  vhosts: readonly HttpsVhost[];
  certDir: string; // /etc/apache2/ssl/glance
}

const TYPES: readonly EndpointType[] = ['internal', 'admin', 'public'];

export interface HttpsInputs {
  config: Pick<GlanceConfig, 'ssl_cert' | 'ssl_key'>;
  certificates?: CertificatesContext;
  addresses: Addresses;
}

export const httpsEnabled = (i: Omit<HttpsInputs, 'addresses'>): boolean =>
  Boolean(i.config.ssl_cert && i.config.ssl_key) || i.certificates !== undefined;

const byPair = (a: HttpsVhost, b: HttpsVhost): number =>
  a.address < b.address ? -1 : a.address > b.address ? 1 : a.cn < b.cn ? -1 : a.cn > b.cn ? 1 : 0;

export function httpsContext(i: HttpsInputs): HttpsContext | undefined {
  if (!httpsEnabled(i)) return undefined;
  const pairs = new Map<string, HttpsVhost>();
  for (const t of TYPES) {
    const address = i.addresses.unit[t].address;
    const cn = i.addresses.resolved[t];
    pairs.set(`${address} ${cn}`, { address, cn });
  }
  const vhosts = [...pairs.values()]
    .sort(byPair)
    // Apache wants an IPv6 address in brackets in <VirtualHost>.
    .map((v) => ({ address: urlHost(v.address), cn: v.cn }));
  return { externalPort: BACKEND_PORT, internalPort: INTERNAL_PORT, vhosts, certDir: CERT_DIR };
}
