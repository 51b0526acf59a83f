/**
 * Build the GlanceModel: the one value templates, published relation data and status read.
 * Pure: config, release, the ready relations' contexts, addresses and unit memory in, model out.
 */
import type { GlanceConfig } from '../config/index.js';
import { cephContext } from '../relations/ceph.js';
import type { Contexts, ReadinessMap } from '../relations/index.js';
import { databaseContext } from '../relations/shared-db.js';
import type { HostSnapshot } from '../snapshot.js';
import { API_PORT, BACKEND_PORT, INTERNAL_PORT } from '../base/ports.js';
import { httpsContext } from '../tls/https.js';
import type { Addresses } from '../network/addresses.js';
import { planStores } from './backends.js';
import { haproxyContext } from './haproxy.js';
import { urlHost } from '../base/net.js';
import { hasRegistry, lineageOf, type Release } from '../base/release.js';
import type { GlanceModel } from './types.js';

export interface ModelInputs {
  config: GlanceConfig;
  release: Release;
  appName: string;
  unitName: string;
  readiness: ReadinessMap;
  contexts: Contexts;
  addresses: Addresses;
  host: HostSnapshot;
  statsPassword: string;
  clustered: boolean;
}

const py = (b: boolean) => (b ? 'True' : 'False');

export function workers(cpus: number, multiplier: number | null | undefined): number {
  if (multiplier === null || multiplier === undefined) return Math.min(cpus * 2, 4);
  return Math.max(1, Math.floor(cpus * multiplier));
}

export function buildModel(i: ModelInputs): GlanceModel {
  const { config: c, contexts: ctx, release } = i;
  const ipv6Host = i.host.addresses.some((a) => a.address === '::1');
  const preferV6 = Boolean(c['prefer-ipv6']);
  const ceph = ctx.ceph ? cephContext(ctx.ceph, c, i.appName) : undefined;
  const stores = planStores({ config: c, release, readiness: i.readiness, contexts: ctx, ceph, inContainer: i.host.inContainer });
  // Apache terminates TLS on the backend port and glance-api moves behind it.
  const httpsCtx = httpsContext({ config: c, certificates: ctx.certificates, addresses: i.addresses });
  const https = httpsCtx !== undefined;
  const scheme = https ? 'https' : 'http';
  const url = (addr: string) => `${scheme}://${urlHost(addr)}:${API_PORT}`;
  const plugins = [
    ...(c['image-conversion'] ? ['image_conversion'] : []),
    ...(c['custom-import-properties'] ? ['inject_image_metadata'] : []),
  ];
  const identity = ctx['identity-service'];
  return {
    release,
    lineage: lineageOf(release),
    hasRegistry: hasRegistry(release),
    appName: i.appName,
    unitName: i.unitName,
    clustered: i.clustered,
    logging: { debug: py(c.debug), verbose: py(c.verbose), useSyslog: py(c['use-syslog']) },
    workers: workers(i.host.cpus, c['worker-multiplier']),
    bindHost: preferV6 ? '::' : '0.0.0.0',
    registryHost: preferV6 ? '[::]' : '0.0.0.0',
    apiPort: https ? INTERNAL_PORT : BACKEND_PORT,
    imageSizeCap: c['image-size-cap'],
    diskFormats: c['disk-formats'],
    containerFormats: c['container-formats'] ?? undefined,
    filesystemStoreDatadir: c['filesystem-store-datadir'] || undefined,
    // Image locations would show S3 credentials (LP #1935743), so S3 turns them off.
    exposeImageLocations: stores.inUse.has('ceph') && c['expose-image-locations'] && !stores.inUse.has('s3'),
    apiConfigFlags: c['api-config-flags'] ?? [],
    registryConfigFlags: c['registry-config-flags'] ?? [],
    memcacheUrl: ipv6Host ? 'inet6:[::1]:11211' : '127.0.0.1:11211',
    memcacheListen: ipv6Host ? '::1' : '127.0.0.1',
    auditMiddleware: Boolean(c['audit-middleware']),
    imageImport: {
      plugins: plugins.length ? `[${plugins.map((p) => `'${p}'`).join(', ')}]` : undefined,
      conversion: Boolean(c['image-conversion']),
      customProperties: c['custom-import-properties'] ?? undefined,
    },
    useInternalEndpoints: Boolean(c['use-internal-endpoints']),
    imageLocationPolicy: c['restrict-image-location-operations'] ? 'role:admin' : '',
    database: ctx['shared-db'] ? databaseContext(ctx['shared-db'], c) : undefined,
    identity,
    amqp: ctx.amqp ? { transportUrl: ctx.amqp.transportUrl, haQueues: ctx.amqp.haQueues, ssl: ctx.amqp.ssl, sslCaFile: ctx.amqp.sslCaFile } : undefined,
    swift: ctx['object-store'] ? true : undefined,
    ceph,
    backends: stores.context,
    subordinateSections: ctx['storage-backend']?.sections ?? [],
    https: httpsCtx,
    haproxy: { ...haproxyContext({ config: c, unitName: i.unitName, addresses: i.addresses, peers: ctx.cluster ?? [], statsPassword: i.statsPassword, https }), ipv6: ipv6Host },
    endpoints: {
      public: url(i.addresses.resolved.public),
      internal: url(i.addresses.resolved.internal),
      admin: url(i.addresses.resolved.admin),
    },
  };
}
