/**
 * A second recording of the reference Python charm, not in ../shared: glance/0 (not the leader)
 * of three units behind hacluster with a VIP, Swift as the image store, mysql, keystone,
 * rabbitmq and nova-cloud-controller. Built from the reference's own outputs only, as shipped
 * in ../shared/reference/golden (read at test time):
 * - files: caracal-full's rendered files with what that scenario differs in: no ceph relation
 *   (no ceph.conf, keyring, [ceph] section or image-location keys; Swift is then the only
 *   non-local store, so no rados_connect_timeout and Swift is the default) and a third unit
 *   glance-2 among the haproxy servers (the VIP does not appear in haproxy.cfg: charmhelpers'
 *   HAProxyContext lists unit addresses only). Modes and owners as the reference leaves them
 *   (ceph-full's README): 0644 root:root.
 * - relation data: the reference's own data per relation (relation-and-status-outputs.txt and
 *   ceph-full), with the VIP 10.0.0.100 on ens3: its "vip, iface detected" hacluster data with the
 *   resource named by the reference's rule (res_glance_<sha1(vip)[:7]>_vip), and the endpoints
 *   keystone and nova get on the VIP, as the reference announces them once hacluster says
 *   `clustered`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Recording, RecordedState } from '../../../sim/recording.js';
import type { ArchiveEntry } from '../../../sim/tar.js';
import { SHARED_DIR } from './recordings.js';

const GOLDEN = join(SHARED_DIR, 'reference/golden');
const VIP = '10.0.0.100';
const VIP_RESOURCE = `res_glance_${createHash('sha1').update(VIP).digest('hex').slice(0, 7)}_vip`;
const UNIT_ADDRESS = '10.0.0.50';

/** One line of relation-and-status-outputs.txt: `   <key> = <value>` under `== <section>`. */
function goldenHaValue(section: string, key: string): string {
  const text = readFileSync(join(GOLDEN, 'relation-and-status-outputs.txt'), 'utf8');
  const block = text.split(/^== /m).find((b) => b.startsWith(`${section}\n`));
  const line = block?.split('\n').find((l) => l.trim().startsWith(`${key} = `));
  if (!line) throw new Error(`golden relation outputs: no ${key} under "${section}"`);
  return line.trim().slice(`${key} = `.length);
}

/** The reference's hacluster data for one detected VIP, moved to this recording's VIP. */
function haBag(): Record<string, string> {
  const keys = ['json_clones', 'json_delete_resources', 'json_groups', 'json_init_services', 'json_resource_params', 'json_resources'];
  return Object.fromEntries(
    keys.map((key) => [key, goldenHaValue('vip, iface detected', key).replaceAll('10.5.100.1', VIP).replaceAll('res_glance_242d562_vip', VIP_RESOURCE)]),
  );
}

/** `text` with each [from, to] replaced exactly once (a golden that changed fails loudly). */
function edited(text: string, edits: ReadonlyArray<readonly [string, string]>): string {
  return edits.reduce((t, [from, to]) => {
    if (t.split(from).length !== 2) throw new Error(`golden file: expected exactly one ${JSON.stringify(from)}`);
    return t.replace(from, to);
  }, text);
}

function goldenFile(path: string): string {
  return readFileSync(join(GOLDEN, 'caracal-full', path.slice(1).replaceAll('/', '__')), 'utf8');
}

function files(): ArchiveEntry[] {
  const contents: Record<string, string> = {
    '/etc/glance/glance-api.conf': edited(goldenFile('/etc/glance/glance-api.conf'), [
      ['show_multiple_locations = True\nshow_image_direct_url = True\n', ''],
      ['enabled_backends = local:file, ceph:rbd, swift:swift', 'enabled_backends = local:file, swift:swift'],
      ['default_backend = ceph', 'default_backend = swift'],
      ['rados_connect_timeout = 1200\n\n\n[image_format]', '[image_format]'],
      ['[ceph]\nrbd_store_chunk_size = 8\nrbd_store_pool = glance\nrbd_store_user = glance\nrados_connect_timeout = 1200\nrbd_store_ceph_conf = /etc/ceph/ceph.conf\n\n', ''],
    ]),
    '/etc/haproxy/haproxy.cfg': edited(goldenFile('/etc/haproxy/haproxy.cfg'), [
      ['    server glance-1 10.0.0.51:9282 check\n', '    server glance-1 10.0.0.51:9282 check\n    server glance-2 10.0.0.52:9282 check\n'],
    ]),
    '/etc/default/haproxy': 'ENABLED=1\n',
  };
  for (const path of [
    '/etc/glance/glance-swift.conf',
    '/etc/glance/api-paste.ini',
    '/etc/glance/api_audit_map.conf',
    '/etc/glance/policy.yaml',
    '/etc/memcached.conf',
    '/etc/apache2/sites-available/openstack_https_frontend.conf',
  ]) {
    contents[path] = goldenFile(path);
  }
  return Object.entries(contents).map(([path, content]) => ({
    type: 'file',
    path: path.slice(1),
    mode: 0o644,
    uid: 0,
    gid: 0,
    content: Buffer.from(content),
  }));
}

const juju = (address: string) => ({ 'egress-subnets': `${address}/32`, 'ingress-address': address, 'private-address': address });
const peer = (address: string) => ({ ...juju(address), 'admin-address': address, 'internal-address': address, 'public-address': address });
const endpointsOnVip = `http://${VIP}:9292`;

interface RelationSpec {
  endpoint: string;
  interface: string;
  remoteApp: string;
  units: Record<string, Record<string, string>>;
  local: Record<string, string>;
  peer?: boolean;
}

const RELATIONS: RelationSpec[] = [
  { endpoint: 'cluster', interface: 'glance-ha', remoteApp: 'glance', peer: true, units: { 'glance/1': peer('10.0.0.51'), 'glance/2': peer('10.0.0.52') }, local: peer(UNIT_ADDRESS) },
  {
    endpoint: 'shared-db',
    interface: 'mysql-shared',
    remoteApp: 'glance-mysql-router',
    units: { 'glance-mysql-router/0': { ...juju('10.0.0.5'), allowed_units: 'glance/0 glance/1 glance/2', db_host: '127.0.0.1', password: 'DBPASS' } },
    local: { ...juju(UNIT_ADDRESS), database: 'glance', hostname: UNIT_ADDRESS, username: 'glance' },
  },
  {
    endpoint: 'identity-service',
    interface: 'keystone',
    remoteApp: 'keystone',
    units: {
      'keystone/0': {
        ...juju('10.0.0.10'),
        admin_domain_id: 'x',
        api_version: '3',
        auth_host: '10.0.0.10',
        auth_port: '35357',
        auth_protocol: 'http',
        internal_host: '10.0.0.10',
        internal_port: '5000',
        internal_protocol: 'http',
        service_domain: 'service_domain',
        service_domain_id: 'domainid456',
        service_host: '10.0.0.10',
        service_password: 'KSPASS',
        service_port: '5000',
        service_protocol: 'http',
        service_tenant: 'services',
        service_tenant_id: 'tenantid123',
        service_user_id: 'userid789',
        service_username: 'glance',
      },
    },
    local: { ...juju(UNIT_ADDRESS), admin_url: endpointsOnVip, internal_url: endpointsOnVip, public_url: endpointsOnVip, region: 'RegionOne', service: 'glance' },
  },
  {
    endpoint: 'amqp',
    interface: 'rabbitmq',
    remoteApp: 'rabbitmq-server',
    units: { 'rabbitmq-server/0': { ...juju('10.0.0.20'), password: 'RMQPASS' } },
    local: { ...juju(UNIT_ADDRESS), username: 'glance', vhost: 'openstack' },
  },
  {
    endpoint: 'image-service',
    interface: 'glance',
    remoteApp: 'nova-cloud-controller',
    units: { 'nova-cloud-controller/0': juju('10.0.0.70') },
    local: { ...juju(UNIT_ADDRESS), 'glance-api-ready': 'yes', 'glance-api-server': endpointsOnVip },
  },
  { endpoint: 'object-store', interface: 'swift-proxy', remoteApp: 'swift-proxy', units: { 'swift-proxy/0': juju('10.0.0.80') }, local: juju(UNIT_ADDRESS) },
  {
    endpoint: 'ha',
    interface: 'hacluster',
    remoteApp: 'hacluster',
    units: { 'hacluster/0': { ...juju(UNIT_ADDRESS), clustered: 'yes' } },
    local: { ...juju(UNIT_ADDRESS), ...haBag() },
  },
];

function state(): RecordedState {
  const cephFull = JSON.parse(readFileSync(join(SHARED_DIR, 'reference/switch/ceph-full/state.json'), 'utf8')) as RecordedState;
  const { 'ceph-common': _, ...packages } = cephFull.packages;
  return {
    model: cephFull.model,
    app: 'glance',
    unit: 'glance/0',
    leader: false,
    config: { ...cephFull.config, vip: VIP },
    networks: cephFull.networks,
    relations: RELATIONS.map((r, i) => ({
      id: i + 1,
      endpoint: r.endpoint,
      interface: r.interface,
      remote_app: r.remoteApp,
      remote_endpoint: r.endpoint,
      peer: r.peer ?? false,
      units: r.units,
      app_data: {},
      local_unit: r.local,
      local_app: {},
      scope: Object.keys(r.units),
      departed: [],
    })),
    next_rid: RELATIONS.length + 1,
    // Only the leader (glance/1) reads leader settings; this unit has nothing of its own there.
    leader_data: { 'db-initialised': 'True' },
    unit_state: {},
    unit_status: { status: 'active', message: 'Unit is ready' },
    app_status: cephFull.app_status,
    workload_version: cephFull.workload_version,
    ports: ['9292/tcp'],
    packages,
    services: cephFull.services,
    os: cephFull.os,
  };
}

export const haSwift = (): Recording => ({ state: state(), files: files() });

/** hacluster's resource for the VIP, as the reference names it. */
export const HA_SWIFT_VIP_RESOURCE = VIP_RESOURCE;
