/**
 * TLS in one reconcile: the certificate and CA files for this hook's decision (files.ts), named
 * after the requests published on the certificates relation (requests.ts).
 */
import type { Decision } from '../model/decide.js';
import type { RenderedFile } from '../base/host-file.js';
import { tlsFiles } from './files.js';
import { certRequests } from './requests.js';

export function tlsFilesFor(d: Decision): RenderedFile[] {
  const certificates = d.contexts.certificates;
  const requests = certificates ? certRequests({ ...d.readEnv, addresses: d.addresses }) : [];
  return tlsFiles({ config: d.config, https: d.model.https, certificates, requests });
}
