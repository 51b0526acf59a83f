/**
 * TLS in one reconcile: the certificate and CA files for this hook's decision (src/tls/files.ts),
 * named after the requests published on the certificates relation (src/tls/requests.ts).
 */
import type { RenderedFile } from '../base/host-file.js';
import type { Decision } from '../model/decide.js';
import { tlsFiles } from '../tls/files.js';
import { certRequests } from '../tls/requests.js';

export function tlsFilesFor(d: Decision): RenderedFile[] {
  const certificates = d.contexts.certificates;
  const requests = certificates ? certRequests({ ...d.readEnv, addresses: d.addresses }) : [];
  return tlsFiles({ config: d.config, https: d.model.https, certificates, requests });
}
