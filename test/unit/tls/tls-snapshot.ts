/**
 * TLS test material and snapshots: PEM-looking blobs (content is never parsed by the charm, only
 * written), the caracal-tls scenario (golden facts plus a peer glance/1 at 10.0.0.51) and the host
 * state Apache's a2enmod / a2ensite leave behind.
 */
import type { Snapshot } from '../../../src/snapshot.js';
import { HOSTNAME_PATH, SITE_ENABLED_PATH } from '../../../src/tls/paths.js';
import { deployed, relation } from '../../fixtures/snapshot.js';

export const pem = (kind: string, body: string): string => `-----BEGIN ${kind}-----\n${Buffer.from(body).toString('base64')}\n-----END ${kind}-----\n`;
export const b64 = (text: string): string => Buffer.from(text).toString('base64');

export const CERT = pem('CERTIFICATE', 'glance api certificate');
export const KEY = pem('PRIVATE KEY', 'glance api key');
export const CA = pem('CERTIFICATE', 'operator ca');

export const TLS_CONFIG = { ssl_cert: b64(CERT), ssl_key: b64(KEY), 'os-public-hostname': 'glance.example.com' };

export function tlsSnapshot(config: Record<string, unknown> = TLS_CONFIG): Snapshot {
  const base = deployed({ config });
  return {
    ...base,
    relations: {
      ...base.relations,
      cluster: [relation('cluster', 1, 'glance', { 'glance/1': { 'private-address': '10.0.0.51' } })],
    },
    host: { ...base.host, files: { ...base.host.files, [HOSTNAME_PATH]: 'juju-glance-0\n' } },
  };
}

/** What a2ensite leaves on the host: the enabled site's link, which the read phase loads. */
export function apacheEnabled(s: Snapshot): Snapshot {
  return { ...s, host: { ...s.host, files: { ...s.host.files, [SITE_ENABLED_PATH]: 'enabled' } } };
}
