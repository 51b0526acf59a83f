/**
 * The TLS files glance writes: Apache's certificate and key under each name a virtual host
 * uses, and the CA certificates for the system trust store.
 *
 * - From the certificates relation: each issued certificate (with the chain appended, so clients
 *   that trust only the root still verify it) and its key; then, for every name a request
 *   listed (addresses, VIPs), the same pair under that name, so the virtual host for any of them
 *   finds its certificate. The reference made symlinks; these are copies, written and compared
 *   like every other managed file.
 * - From ssl_cert / ssl_key: the pair under every virtual host's name; it wins over the relation.
 * - ssl_ca and the relation's CA go to /usr/local/share/ca-certificates.
 */
import type { GlanceConfig } from '../config/index.js';
import type { HttpsContext } from './https.js';
import { PUBLIC, ROOT_SECRET } from '../base/owners.js';
import type { RenderedFile } from '../base/host-file.js';
import { CONFIG_CA_PATH, certPath, isSafeCertName, keyPath, relationCaPath } from './paths.js';
import type { CertRequest } from './requests.js';

/** A certificate and its key, as the certificates relation issues them. */
export interface CertBundle {
  cert: string;
  key: string;
}

/** What the certificates relation hands over (src/relations/certificates.ts). */
export interface CertificatesContext {
  /** The signing application (names the CA file in the system trust store). */
  caApp: string;
  ca: string;
  chain?: string;
  /** Issued certificates by the name they were requested for. */
  certs: Record<string, CertBundle>;
}

/** Apache reads certificates and keys as root before it drops privileges; nobody else needs them. */
const KEY_OWNER = ROOT_SECRET;
/** Only Apache reads the certificates; glance-api behind it does not. */
const APACHE = ['apache2'] as const;

export interface TlsFileInputs {
  config: Pick<GlanceConfig, 'ssl_cert' | 'ssl_key' | 'ssl_ca'>;
  https?: HttpsContext;
  certificates?: CertificatesContext;
  requests: readonly CertRequest[];
}

/** Config values are base64 of a PEM file, possibly wrapped over lines. */
export const decodePem = (b64: string): string => Buffer.from(b64.replace(/\s+/g, ''), 'base64').toString('utf8');

const withNewline = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);

function pair(files: Map<string, RenderedFile>, cn: string, cert: string, key: string): void {
  files.set(certPath(cn), { path: certPath(cn), content: withNewline(cert), owner: KEY_OWNER, services: APACHE });
  files.set(keyPath(cn), { path: keyPath(cn), content: withNewline(key), owner: KEY_OWNER, services: APACHE });
}

function relationCerts(files: Map<string, RenderedFile>, c: CertificatesContext, requests: readonly CertRequest[]): void {
  for (const [cn, b] of Object.entries(c.certs)) pair(files, cn, c.chain ? `${withNewline(b.cert)}${c.chain}` : b.cert, b.key);
  for (const r of requests) {
    const issued = c.certs[r.cn];
    if (!issued) continue;
    for (const name of r.sans) {
      // A name that already has its own certificate keeps it.
      if (!isSafeCertName(name) || files.has(certPath(name))) continue;
      pair(files, name, files.get(certPath(r.cn))?.content ?? issued.cert, issued.key);
    }
  }
}

export function tlsFiles(i: TlsFileInputs): RenderedFile[] {
  const files = new Map<string, RenderedFile>();
  if (i.https && i.certificates) relationCerts(files, i.certificates, i.requests);
  const { ssl_cert: cert, ssl_key: key, ssl_ca: ca } = i.config;
  if (i.https && cert && key) {
    for (const v of i.https.vhosts) if (isSafeCertName(v.cn)) pair(files, v.cn, decodePem(cert), decodePem(key));
  }
  const trust: RenderedFile[] = [];
  if (ca) trust.push({ path: CONFIG_CA_PATH, content: withNewline(decodePem(ca).trimEnd()), owner: PUBLIC, services: [] });
  if (i.certificates) {
    const path = relationCaPath(i.certificates.caApp);
    trust.push({ path, content: withNewline(i.certificates.ca.trimEnd()), owner: PUBLIC, services: [] });
  }
  return [...files.values(), ...trust];
}
