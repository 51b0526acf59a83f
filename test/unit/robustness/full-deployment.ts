/**
 * A unit related on every endpoint glance handles, with the data each remote charm sends once it
 * is done, and a fold that plays the host and Juju after a hook (files, memory, leader-wide
 * facts, packages, Apache links; nothing of a failed hook but its files). Built on the golden
 * scenarios' facts (test/fixtures/snapshot.ts).
 */
import { brokerRequest } from '../../../src/ceph/broker-request.js';
import { responseKey } from '../../../src/ceph/broker-response.js';
import { parseConfig } from '../../../src/config/index.js';
import { PLUGINS } from '../../../src/nrpe/checks.js';
import { NAGIOS_EXPORT_DIR, NRPE_CONF_DIR, PLUGIN_DIR } from '../../../src/nrpe/paths.js';
import type { Effect, Plan } from '../../../src/plan.js';
import { reconcile } from '../../fixtures/hook-plan.js';
import { loadTemplates } from '../../../src/render/templates.js';
import type { Databag, NrpeHost, RelationSnapshot, Snapshot } from '../../../src/snapshot.js';
import { foldPlan } from '../../fixtures/fold-plan.js';
import { DB_REPLY, KEYSTONE_REPLY, relation, snapshot, UNIT_ADDRESS } from '../../fixtures/snapshot.js';

export const templates = loadTemplates(new URL('../../../templates', import.meta.url).pathname);
export const run = (s: Snapshot): Plan => reconcile(s, { templates });

const b64 = (text: string): string => Buffer.from(text).toString('base64');
export const pemOf = (label: string, body: string): string => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;

/** Every secret the remote charms hand over in this deployment (the leak scans look for each). */
export const SECRETS = {
  db: 'DbPassw0rdSecret',
  keystone: 'KsPassw0rdSecret',
  rabbit: 'RmqPassw0rdSecret',
  cephKey: 'AQBsTnRkAAAAABAAnNwC7uWb3lMNUb8DMsLqUw==',
  tlsKeyBody: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCTLSKEYSECRET',
  dbKeyBody: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCDBKEYSECRET',
} as const;

/** The config of the full deployment: hacluster needs a VIP. */
export const FULL_CONFIG = { vip: '10.0.0.100' } as const;

const cephMon = (address: string): Databag => {
  const id = brokerRequest(parseConfig(FULL_CONFIG).config, 'glance').requestId;
  return {
    'private-address': address,
    'ceph-public-address': address,
    auth: 'cephx',
    key: SECRETS.cephKey,
    'rbd-features': '1',
    [responseKey('glance/0')]: JSON.stringify({ 'exit-code': 0, 'request-id': id }),
  };
};

const SUBORDINATE_CONFIG = {
  'glance-api': {
    '/etc/glance/glance-api.conf': { sections: { cinder_backend: [['cinder_catalog_info', 'volumev3::internalURL']] } },
  },
};

/** The relations of a unit related to everything, keyed by endpoint. */
export function fullRelations(): Record<string, RelationSnapshot[]> {
  return {
    cluster: [relation('cluster', 1, 'glance', {
      'glance/1': { 'private-address': '10.0.0.51', 'public-address': '10.0.0.51', 'internal-address': '10.0.0.51', 'admin-address': '10.0.0.51' },
    })],
    'identity-service': [relation('identity-service', 2, 'keystone', { 'keystone/0': { ...KEYSTONE_REPLY, service_password: SECRETS.keystone } })],
    'shared-db': [relation('shared-db', 3, 'mysql', {
      'mysql/0': {
        ...DB_REPLY,
        password: SECRETS.db,
        ssl_ca: b64(pemOf('CERTIFICATE', 'MIIDBDCCAeygAwIBAgIUDBCA')),
        ssl_cert: b64(pemOf('CERTIFICATE', 'MIIDBDCCAeygAwIBAgIUDBCERT')),
        ssl_key: b64(pemOf('PRIVATE KEY', SECRETS.dbKeyBody)),
      },
    })],
    amqp: [relation('amqp', 4, 'rabbitmq-server', {
      'rabbitmq-server/0': { 'private-address': '10.0.0.20', password: SECRETS.rabbit },
      'rabbitmq-server/1': { 'private-address': '10.0.0.21', password: SECRETS.rabbit },
    })],
    ceph: [relation('ceph', 5, 'ceph-mon', { 'ceph-mon/0': cephMon('10.0.0.31'), 'ceph-mon/1': cephMon('10.0.0.32') })],
    'object-store': [relation('object-store', 6, 'swift-proxy')],
    'cinder-volume-service': [relation('cinder-volume-service', 7, 'cinder')],
    'storage-backend': [relation('storage-backend', 8, 'cinder-backend', {
      'cinder-backend/0': { 'cinder-backend': 'true', subordinate_configuration: JSON.stringify(SUBORDINATE_CONFIG) },
    })],
    'image-service': [relation('image-service', 9, 'nova-cloud-controller')],
    ha: [relation('ha', 10, 'hacluster', { 'hacluster/0': { clustered: 'yes' } })],
    'nrpe-external-master': [relation('nrpe-external-master', 12, 'nrpe', {
      'nrpe/0': { nagios_hostname: 'juju-glance-0', nagios_host_context: 'prod' },
    })],
    certificates: [relation('certificates', 11, 'vault', {
      'vault/0': {
        ca: pemOf('CERTIFICATE', 'MIIDCACERT'),
        chain: pemOf('CERTIFICATE', 'MIIDCHAIN'),
        'glance_0.processed_requests': JSON.stringify({
          [UNIT_ADDRESS]: { cert: pemOf('CERTIFICATE', 'MIIDUNITCERT'), key: pemOf('PRIVATE KEY', SECRETS.tlsKeyBody) },
        }),
      },
    })],
  };
}

/** The NRPE subordinate has installed NRPE and the Nagios export directory; the charm ships its plugins. */
const NRPE_HOST: NrpeHost = {
  confDir: true,
  exportFiles: [],
  files: {},
  plugins: Object.fromEntries(PLUGINS.map((name) => [name, `#!/bin/sh\n# ${name}\n`])),
};

/** A unit of the full deployment before its first reconcile. */
export const fullDeployment = (over: Partial<Snapshot> = {}): Snapshot =>
  snapshot({ config: { ...FULL_CONFIG }, relations: fullRelations(), nrpe: NRPE_HOST, ...over });

const NRPE_DIRS = [NRPE_CONF_DIR, NAGIOS_EXPORT_DIR, PLUGIN_DIR, '/etc/nagios'];

/** The NRPE view of the host after the hook: the files it wrote or removed there. */
function nrpeAfter(nrpe: NrpeHost | undefined, plan: Plan): NrpeHost | undefined {
  if (!nrpe) return nrpe;
  const files = { ...nrpe.files };
  for (const e of plan.effects) {
    const ours = (e.kind === 'write-file' || e.kind === 'delete-file') && NRPE_DIRS.some((d) => e.path.startsWith(`${d}/`));
    if (!ours) continue;
    if (e.kind === 'write-file') files[e.path] = e.content;
    else delete files[e.path];
  }
  const exported = Object.keys(files).filter((f) => f.startsWith(`${NAGIOS_EXPORT_DIR}/`)).map((f) => f.slice(NAGIOS_EXPORT_DIR.length + 1));
  return { ...nrpe, files, exportFiles: nrpe.exportFiles === null ? null : exported.sort() };
}

const APACHE_LINKS: Record<string, (arg: string) => string> = {
  a2ensite: (site) => `/etc/apache2/sites-enabled/${site}.conf`,
  a2enmod: (mod) => `/etc/apache2/mods-enabled/${mod}.load`,
};

/**
 * The unit as the next hook sees it: foldPlan (files, memory, services) plus what the fixture
 * fold leaves out: leader-wide facts glance sets on the cluster app databag, packages installed
 * and Apache's enabled links. A hook that fails keeps its files but Juju drops its relation
 * data and unit state, as it does on a non-zero exit.
 */
export function after(snap: Snapshot, plan: Plan): Snapshot {
  const failed = plan.effects.some((e) => e.kind === 'fail');
  const folded = foldPlan(snap, plan);
  const files = { ...folded.host.files };
  const packages = { ...snap.host.packages };
  let leaderData = snap.leaderData;
  for (const e of plan.effects) {
    if (e.kind === 'apt-install') for (const p of e.packages) packages[p] = '1.0';
    if (e.kind === 'command') {
      const [tool, ...args] = e.argv;
      const link = APACHE_LINKS[tool ?? ''];
      if (link) for (const a of args) files[link(a)] = '';
      if (tool === 'a2dissite') for (const a of args) files[`/etc/apache2/sites-enabled/${a}.conf`] = null;
    }
    if (e.kind === 'relation-set' && e.app && !failed) leaderData = { ...leaderData, ...e.data };
  }
  return {
    ...folded,
    memory: failed ? snap.memory : folded.memory,
    leaderData,
    host: { ...folded.host, files, packages },
    nrpe: nrpeAfter(snap.nrpe, plan),
  };
}

/** Effects that change the unit or what remote charms see (status, memory and a hook failure do not). */
const CHANGING = new Set<Effect['kind']>([
  'write-file', 'delete-file', 'mkdir', 'command', 'service', 'apt-install', 'apt-purge', 'apt-update', 'relation-set', 'publish', 'open-port',
]);
export const changes = (plan: Plan): Effect[] => plan.effects.filter((e) => CHANGING.has(e.kind));

/** The unit databags a plan publishes, by relation id. */
export const publishedBy = (plan: Plan): Record<string, Databag> =>
  Object.fromEntries(plan.effects.flatMap((e) => (e.kind === 'publish' ? [[e.relationId, e.data]] : [])));

/** Runs reconcile and folds it in. */
export const settle = (s: Snapshot): Snapshot => after(s, run(s));
