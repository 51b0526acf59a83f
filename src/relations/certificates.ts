/**
 * certificates (interface tls-certificates, e.g. vault): glance asks for a certificate for the
 * unit and one per os-*-hostname (src/tls/requests.ts) and receives them in
 * `<unit_name>.processed_requests` with the issuing CA and chain. Certificates whose name
 * could not be a file name are ignored: the name becomes part of a path on the host.
 */
import { z } from 'zod';
import type { CertBundle, CertificatesContext } from '../tls/files.js';
import { certRequestData } from '../tls/requests.js';
import { isSafeCertName } from '../tls/paths.js';
import type { Databag } from '../snapshot.js';
import { isPem, Pem } from './remote-values.js';
import { absent, incomplete, ready, type RelationHandler } from './types.js';

// Written to files Apache and the trust store read: PEM and nothing else.
const Bundle: z.ZodType<CertBundle> = z.object({ cert: Pem, key: Pem });

/** `glance/0` → `glance_0`, the unit name as the tls-certificates interface spells it. */
export const certUnitName = (unit: string): string => unit.replace('/', '_');

function parseCerts(text: string | undefined): Record<string, CertBundle> | undefined {
  if (!text) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = z.record(z.string(), Bundle).safeParse(raw);
  if (!parsed.success) return undefined;
  const safe = Object.entries(parsed.data).filter(([cn]) => isSafeCertName(cn));
  return safe.length ? Object.fromEntries(safe) : undefined;
}

export const certificates: RelationHandler<CertificatesContext> = {
  endpoint: 'certificates',
  reads: 'units',
  read(rels, env) {
    if (rels.length === 0) return absent;
    const key = `${certUnitName(env.unitName)}.processed_requests`;
    for (const rel of rels) {
      for (const bag of Object.values(rel.units)) {
        const certs = parseCerts(bag[key]);
        if (certs && bag.ca && isPem(bag.ca)) {
          const caApp = isSafeCertName(rel.app) ? rel.app : 'certificates';
          return ready({ caApp, ca: bag.ca, chain: bag.chain && isPem(bag.chain) ? bag.chain : undefined, certs });
        }
      }
    }
    return incomplete(['ca', key]);
  },
  publish: (_rel, env): Databag => certRequestData(env),
};
