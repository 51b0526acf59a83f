/**
 * amqp (interface rabbitmq): notifications for Ceilometer. Glance asks for its user and vhost;
 * the transport URL is built from the rabbit units as charmhelpers' AMQPContext does: the VIP
 * when the rabbit side is clustered, else every unit that has the password (sorted), each as
 * user:password@host:port, on ssl_port when rabbit offers TLS.
 */
import { urlHost } from '../base/net.js';
import { GLANCE_SECRET } from '../base/owners.js';
import type { Databag } from '../snapshot.js';
import { isBase64Pem, isHost, isPort } from './remote-values.js';
import { absent, incomplete, type RelationHandler, ready } from './types.js';

export const RABBIT_CA_FILE = '/etc/glance/rabbit-client-ca.pem';

export interface AmqpContext {
  transportUrl: string;
  haQueues: boolean;
  ssl: boolean;
  /** Set when the rabbit side sent a CA: /etc/glance/rabbit-client-ca.pem */
  sslCaFile?: string;
}

export interface Amqp extends AmqpContext {
  /** PEM text of the CA rabbit sent (base64 on the wire), written to RABBIT_CA_FILE. */
  caPem?: string;
}

/**
 * A clustered rabbit is reached on its VIP, unless it says `ha-vip-only` and has several units:
 * then, as for an unclustered one, every unit with a password is listed.
 */
function hostsOf(units: [string, Databag][], withPassword: Databag): string[] {
  const vip = withPassword.clustered ? withPassword.vip : undefined;
  const every = units.length > 1 && (!vip || withPassword['ha-vip-only'] !== undefined);
  if (!every) return [vip ?? withPassword['private-address'] ?? ''];
  return units
    .filter(([, b]) => b.password && b['private-address'])
    .map(([, b]) => b['private-address'] as string)
    .sort();
}

export const amqp: RelationHandler<Amqp> = {
  endpoint: 'amqp',
  reads: 'units',
  group: { name: 'messaging', required: false },
  read(rels, env) {
    if (rels.length === 0) return absent;
    for (const rel of rels) {
      const units = Object.entries(rel.units).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
      const first = units.find(([, b]) => b.password);
      if (!first) continue;
      const bag = first[1];
      const hosts = hostsOf(units, bag).filter(isHost);
      if (hosts.length === 0) continue;
      // TLS settings that do not parse must not quietly turn TLS off.
      if (bag.ssl_port && !isPort(bag.ssl_port)) return incomplete(['ssl_port']);
      if (bag.ssl_ca && !isBase64Pem(bag.ssl_ca)) return incomplete(['ssl_ca']);
      const user = env.config['rabbit-user'];
      const vhost = env.config['rabbit-vhost'];
      const port = bag.ssl_port || '5672';
      const creds = `${encodeURIComponent(user)}:${encodeURIComponent(bag.password ?? '')}`;
      const url = `rabbit://${hosts.map((h) => `${creds}@${urlHost(h)}:${port}`).join(',')}/${vhost}`;
      const caPem = bag.ssl_ca ? Buffer.from(bag.ssl_ca, 'base64').toString('utf8') : undefined;
      return ready({
        transportUrl: url,
        haQueues: units.some(([, b]) => b.ha_queues !== undefined),
        ssl: Boolean(bag.ssl_port),
        sslCaFile: caPem ? RABBIT_CA_FILE : undefined,
        caPem,
      });
    }
    return incomplete(['password']);
  },
  publish: (_rel, env) => ({ username: env.config['rabbit-user'], vhost: env.config['rabbit-vhost'] }),
  files: (ctx) => (ctx.caPem ? [{ path: RABBIT_CA_FILE, content: ctx.caPem, owner: GLANCE_SECRET, services: ['glance-api'] }] : []),
  paths: () => [RABBIT_CA_FILE],
};
