/**
 * shared-db (interface mysql-shared), the mysql-router / percona-cluster side. Glance asks for
 * its database and user; the remote answers with the host, the password and the units allowed
 * to connect. The leader runs `glance-manage db_sync` once allowed_units names it (see
 * src/reconcile/db-sync.ts).
 */
import { z } from 'zod';
import type { RenderedFile } from '../base/host-file.js';
import { inCidr, isIpv6, urlHost } from '../base/net.js';
import { GLANCE_SECRET } from '../base/owners.js';
import type { GlanceConfig } from '../config/index.js';
import { hostAddressIn } from '../network/addresses.js';
import type { Databag } from '../snapshot.js';
import { Base64Pem, Host, RequiredLine } from './remote-values.js';
import { absent, incomplete, type PublishEnv, ready, type RelationHandler } from './types.js';

// The host and password land in the connection URL, the TLS material in files: a reply that
// does not fit (or TLS material that is not PEM, which must not quietly turn TLS off) waits.
const Reply = z.object({
  db_host: Host,
  password: RequiredLine,
  allowed_units: z.string().optional(),
  ssl_ca: Base64Pem.optional(),
  ssl_cert: Base64Pem.optional(),
  ssl_key: Base64Pem.optional(),
  'access-network': z.string().optional(),
});

export interface DbSsl {
  ca: string;
  cert?: string;
  key?: string;
}

export interface SharedDb {
  host: string;
  password: string;
  allowedUnits: string[];
  /** PEM texts (the relation carries them base64-encoded); written to DB_SSL_FILES. */
  ssl?: DbSsl;
}

/** Where the TLS material the database hands over is written; the connection URL names them. */
const DB_SSL_FILES = { ca: '/etc/glance/db-client.ca', cert: '/etc/glance/db-client.cert', key: '/etc/glance/db-client.key' } as const;

export interface DatabaseContext {
  /** Full SQLAlchemy URL, e.g. mysql+pymysql://glance:pw@10.0.0.5/glance?ssl_ca=... */
  connection: string;
  /** `connection_recycle_time` (or `idle_timeout` for plain mysql): always 3600. */
  recycleKey: 'connection_recycle_time' | 'idle_timeout';
}

/** The SQLAlchemy URL glance connects with: TLS parameters name the files this handler writes. */
export function databaseContext(db: SharedDb, config: GlanceConfig): DatabaseContext {
  const user = encodeURIComponent(config['database-user']);
  const pass = encodeURIComponent(db.password);
  const params = db.ssl
    ? [`ssl_ca=${DB_SSL_FILES.ca}`, ...(db.ssl.cert && db.ssl.key ? [`ssl_cert=${DB_SSL_FILES.cert}`, `ssl_key=${DB_SSL_FILES.key}`] : [])]
    : [];
  const query = params.length ? `?${params.join('&')}` : '';
  return {
    connection: `mysql+pymysql://${user}:${pass}@${urlHost(db.host)}/${config.database}${query}`,
    recycleKey: 'connection_recycle_time',
  };
}

const decode = (b64: string | undefined) => (b64 ? Buffer.from(b64, 'base64').toString('utf8') : undefined);

function parse(bag: Databag): SharedDb | undefined {
  const r = Reply.safeParse(bag);
  if (!r.success) return undefined;
  const ca = decode(r.data.ssl_ca);
  return {
    host: r.data.db_host,
    password: r.data.password,
    allowedUnits: (r.data.allowed_units ?? '').split(/\s+/).filter(Boolean),
    ssl: ca ? { ca, cert: decode(r.data.ssl_cert), key: decode(r.data.ssl_key) } : undefined,
  };
}

/**
 * With prefer-ipv6, MySQL grants every address glance may connect from: the unit's global IPv6
 * addresses (not loopback, not link-local) and the IPv6 VIPs (reference
 * sync_db_with_multi_ipv6_addresses).
 */
function ipv6GrantHosts(env: PublishEnv): string[] {
  const global = env.host.addresses
    .filter((a) => a.family === 'inet6' && !inCidr(a.address, '::1/128') && !inCidr(a.address, 'fe80::/10'))
    .map((a) => a.address);
  return [...global, ...env.config.vip.filter(isIpv6)];
}

export const sharedDb: RelationHandler<SharedDb> = {
  endpoint: 'shared-db',
  reads: 'units',
  // The grant host is this unit's address on the shared-db binding (network/addresses.ts).
  binding: true,
  group: { name: 'database', required: true },
  read(rels) {
    if (rels.length === 0) return absent;
    for (const rel of rels) {
      for (const bag of Object.values(rel.units)) {
        const got = parse(bag);
        if (got) return ready(got);
      }
    }
    return incomplete(['db_host', 'password']);
  },
  publish(rel, env) {
    const accessNetwork = Object.values(rel.units).find((b) => b['access-network'])?.['access-network'];
    const inAccess = accessNetwork ? hostAddressIn([accessNetwork], env.host.addresses)?.address : undefined;
    const hostname = env.config['prefer-ipv6'] ? JSON.stringify(ipv6GrantHosts(env)) : (inAccess ?? env.addresses.sharedDb);
    return { database: env.config.database, username: env.config['database-user'], hostname };
  },
  files({ ssl }) {
    if (!ssl) return [];
    const file = (path: string, content: string): RenderedFile => ({ path, content, owner: GLANCE_SECRET, services: ['glance-api'] });
    return [file(DB_SSL_FILES.ca, ssl.ca), ...(ssl.cert && ssl.key ? [file(DB_SSL_FILES.cert, ssl.cert), file(DB_SSL_FILES.key, ssl.key)] : [])];
  },
  paths: () => Object.values(DB_SSL_FILES),
};
