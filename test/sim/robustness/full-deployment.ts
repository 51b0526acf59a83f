/**
 * glance/0 related to everything, through the built charm under the simulated Juju, with every
 * remote charm played as it answers (mysql with TLS, keystone, rabbitmq, ceph-mon carrying out
 * the broker request, vault issuing what glance asks for, hacluster clustered, a cinder backend
 * subordinate, NRPE), and the secrets they hand out listed so a test can look for them anywhere.
 * A prepared model can be copied so each fault starts from the same unit (same stats password).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sim } from '../../../sim/engine.js';
import type { HookResult } from '../../../sim/records.js';
import type { InProcessCharm } from '../../../sim/run-in-process.js';
import type { Databag } from '../../../sim/state.js';
import { KEYSTONE_REPLY } from '../../fixtures/snapshot.js';
import { CHARM_DIR } from '../helpers.js';

export const UNIT = 'glance/0';
/** Hook runs take seconds on a busy machine; a full deployment is some sixty of them. */
export const DEPLOY_MS = 1_800_000;

const pem = (kind: string, body: string): string => `-----BEGIN ${kind}-----\n${Buffer.from(body).toString('base64')}\n-----END ${kind}-----\n`;
const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** Every secret the remote charms hand out; none may show in a log, an output or an error. */
export const SECRETS = {
  db: 'SimDbPassw0rd7731',
  keystone: 'SimKsPassw0rd1187',
  rabbit: 'SimRmqPassw0rd5523',
  cephKey: 'AQC3c2VjcmV0LWNlcGgta2V5LWZvci1nbGFuY2U=',
  dbKey: 'simulated mysql client key 4417',
  tlsKey: 'simulated vault issued key 9081',
} as const;

/** The secrets as they may appear in text: the values, and PEM keys by their base64 body. */
export const secretTexts = (): string[] => [SECRETS.db, SECRETS.keystone, SECRETS.rabbit, SECRETS.cephKey, b64(SECRETS.dbKey), b64(SECRETS.tlsKey)];

const CEPH_MON = { 'ceph-public-address': '10.5.0.31', auth: 'cephx', key: SECRETS.cephKey };
const SUBORDINATE = JSON.stringify({
  'glance-api': { '/etc/glance/glance-api.conf': { sections: { cinder_backend: [['cinder_catalog_info', 'volumev3::internalURL']] } } },
});

/** Registers how each remote application answers (on a new Sim for a copied model too). */
export function playRemotes(sim: Sim): void {
  sim.remote('mysql', {
    onChange: (seen) => {
      const allowed = Object.entries(seen.units).filter(([, bag]) => bag.database).map(([unit]) => unit).join(' ');
      if (!allowed || seen.remoteUnits['mysql/0']?.allowed_units === allowed) return undefined;
      const tls = { ssl_ca: b64(pem('CERTIFICATE', 'mysql ca')), ssl_cert: b64(pem('CERTIFICATE', 'mysql client')), ssl_key: b64(pem('PRIVATE KEY', SECRETS.dbKey)) };
      return { units: { 'mysql/0': { db_host: '10.5.0.9', password: SECRETS.db, allowed_units: allowed, ...tls } } };
    },
  });
  sim.remote('ceph-mon', {
    onChange: (seen) => {
      const request = seen.units[UNIT]?.broker_req;
      if (!request) return undefined;
      const id = JSON.parse(request)['request-id'];
      const answer = { ...CEPH_MON, 'broker-rsp-glance-0': JSON.stringify({ 'exit-code': 0, 'request-id': id }) };
      const current = seen.remoteUnits['ceph-mon/0'] ?? {};
      return Object.entries(answer).every(([k, v]) => current[k] === v) ? undefined : { units: { 'ceph-mon/0': answer } };
    },
  });
  sim.remote('vault', {
    onChange: (seen) => {
      const requests = JSON.parse(seen.units[UNIT]?.cert_requests ?? '{}') as Record<string, unknown>;
      const key = 'glance_0.processed_requests';
      const names = Object.keys(requests).sort();
      const current = JSON.parse(seen.remoteUnits['vault/0']?.[key] ?? '{}') as Record<string, unknown>;
      if (names.length === 0 || names.join() === Object.keys(current).sort().join()) return undefined;
      const certs = Object.fromEntries(names.map((cn) => [cn, { cert: pem('CERTIFICATE', `issued for ${cn}`), key: pem('PRIVATE KEY', SECRETS.tlsKey) }]));
      return { units: { 'vault/0': { [key]: JSON.stringify(certs), ca: pem('CERTIFICATE', 'vault root'), chain: '' } } };
    },
  });
}

/** The deployment: one unit with a VIP (hacluster needs one), then every relation in turn. */
export async function deployEverything(sim: Sim): Promise<HookResult[]> {
  playRemotes(sim);
  const from = sim.history.length;
  await sim.deploy({ units: 1, config: { vip: '10.5.0.100' } });
  const root = sim.unit(UNIT).fsRoot;
  // The NRPE subordinate installs nagios-nrpe-server and the export directory before it relates.
  for (const dir of ['etc/nagios/nrpe.d', 'var/lib/nagios/export']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'etc/hostname'), 'juju-glance-0\n');
  sim.unit(UNIT).host.accounts.push('nagios');
  sim.save();
  await sim.integrate('shared-db', 'mysql', { units: { 'mysql/0': {} } });
  await sim.integrate('identity-service', 'keystone', { units: { 'keystone/0': { ...KEYSTONE_REPLY, service_password: SECRETS.keystone } } });
  await sim.integrate('image-service', 'nova-cloud-controller');
  await sim.integrate('amqp', 'rabbitmq-server', { units: { 'rabbitmq-server/0': { password: SECRETS.rabbit } } });
  await sim.integrate('ceph', 'ceph-mon', { units: { 'ceph-mon/0': {} } });
  await sim.integrate('object-store', 'swift-proxy');
  await sim.integrate('cinder-volume-service', 'cinder');
  await sim.integrate('storage-backend', 'cinder-backend', { units: { 'cinder-backend/0': { 'cinder-backend': 'true', subordinate_configuration: SUBORDINATE } } });
  await sim.integrate('certificates', 'vault');
  await sim.integrate('ha', 'hacluster', { units: { 'hacluster/0': { clustered: 'yes' } } });
  await sim.integrate('nrpe-external-master', 'nrpe', { units: { 'nrpe/0': { nagios_hostname: 'juju-glance-0' } } });
  return sim.history.slice(from);
}

export interface CopyOptions {
  env?: Record<string, string>;
  hookTimeoutMs?: number;
  /** false: `juju config` lets values of the wrong type through to the charm. */
  checkConfigTypes?: boolean;
  inProcess?: InProcessCharm;
}

/** Copies a prepared model to `to` (unit roots move with it) and opens it with the same remotes. */
export function copyModel(from: string, to: string, options: CopyOptions = {}): Sim {
  cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  const state = join(to, 'state.json');
  writeFileSync(state, readFileSync(state, 'utf8').replaceAll(`${from}/`, `${to}/`));
  const sim = new Sim({ charmDir: CHARM_DIR, dir: to, ...options });
  playRemotes(sim);
  return sim;
}

/** Hooks that exited non-zero, as "hook: stderr". */
export const failures = (results: readonly HookResult[]): string[] =>
  results.filter((r) => r.exitCode !== 0).map((r) => `${r.hook}: ${r.stderr.trim()}`);

export const publishedBags = (sim: Sim): Record<string, Databag> =>
  Object.fromEntries(sim.state.relations.map((r) => [`${r.endpoint}:${r.id}`, sim.published(r.id, UNIT)]));
