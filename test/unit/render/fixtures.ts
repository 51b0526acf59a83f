/**
 * Hand-built GlanceModels for the render tests. The facts of the reference scenarios come from
 * /work/shared/reference/golden/README.md: unit glance/0, every binding 10.0.0.50/255.255.255.0, 8 CPUs
 * (workers 4), keystone 10.0.0.10 (service 5000, auth 35357, v3), database on 127.0.0.1, rabbit 10.0.0.20.
 * Each piece is the value the model builder would produce once that relation is ready.
 */
import type { IniSection } from '../../../src/base/ini.js';
import { hasRegistry, lineageOf, type Release, usesWwwAuthenticateUri } from '../../../src/base/release.js';
import type { BackendsContext, GlanceModel, HaproxyServer } from '../../../src/model/types.js';
import type { CephContext } from '../../../src/relations/ceph.js';
import type { AmqpContext } from '../../../src/relations/amqp.js';
import type { IdentityContext } from '../../../src/relations/identity-service.js';

export const KEYSTONE = 'http://10.0.0.10';

export function identity(release: Release = 'caracal'): IdentityContext {
  return {
    authtoken: [
      ['auth_type', 'password'],
      // keystonemiddleware renamed auth_uri (src/base/release.ts).
      [usesWwwAuthenticateUri(release) ? 'www_authenticate_uri' : 'auth_uri', `${KEYSTONE}:5000/v3`],
      ['auth_url', `${KEYSTONE}:35357/v3`],
      ['project_domain_name', 'service_domain'],
      ['user_domain_name', 'service_domain'],
      ['project_name', 'services'],
      ['username', 'glance'],
      ['password', 'KSPASS'],
      ['signing_dir', '/var/cache/glance'],
    ],
    serviceUrl: `${KEYSTONE}:5000/v3`,
    authUrl: `${KEYSTONE}:35357/v3`,
    projectName: 'services',
    username: 'glance',
    password: 'KSPASS',
    projectDomainName: 'service_domain',
    projectDomainId: 'domainid456',
    userDomainName: 'service_domain',
    userDomainId: 'domainid456',
    apiVersion: '3',
  };
}

export const amqp = (extra: Partial<AmqpContext> = {}): AmqpContext => ({
  transportUrl: 'rabbit://glance:RMQPASS@10.0.0.20:5672/openstack',
  haQueues: false,
  ssl: false,
  ...extra,
});

export const ceph = (extra: Partial<CephContext> = {}): CephContext => ({
  monHosts: '10.0.0.31 10.0.0.32',
  auth: 'cephx',
  key: 'AQCEPHKEY==',
  pool: 'glance',
  user: 'glance',
  logToSyslog: 'false',
  ...extra,
});

export const LOCAL_SECTION: IniSection = {
  name: 'local',
  options: [
    ['filesystem_store_datadir', '/var/lib/glance/images/'],
    ['store_description', 'Local filesystem store'],
  ],
};

export const cephSection = (pool: string, radosConnectTimeout: number): IniSection => ({
  name: 'ceph',
  options: [
    ['rbd_store_chunk_size', '8'],
    ['rbd_store_pool', pool],
    ['rbd_store_user', 'glance'],
    ['rados_connect_timeout', String(radosConnectTimeout)],
    ['rbd_store_ceph_conf', '/etc/ceph/ceph.conf'],
  ],
});

export const SWIFT_SECTION: IniSection = {
  name: 'swift',
  options: [
    ['default_swift_reference', 'swift'],
    ['swift_store_config_file', '/etc/glance/glance-swift.conf'],
    ['swift_store_create_container_on_put', 'true'],
  ],
};

export const LOCAL_ONLY: BackendsContext = {
  enabled: 'local:file',
  defaultBackend: 'local',
  cephRadosConnectTimeout: 0,
  sections: [LOCAL_SECTION],
  knownStores: 'glance.store.filesystem.Store,glance.store.http.Store',
  defaultStore: 'file',
};

/** local + ceph + swift: more than one non-local backend, so rados_connect_timeout applies. */
export const LOCAL_CEPH_SWIFT: BackendsContext = {
  enabled: 'local:file, ceph:rbd, swift:swift',
  defaultBackend: 'ceph',
  radosConnectTimeout: 1200,
  cephRadosConnectTimeout: 1200,
  sections: [LOCAL_SECTION, cephSection('glance', 1200), SWIFT_SECTION],
  knownStores: 'glance.store.filesystem.Store,glance.store.http.Store,glance.store.rbd.Store,glance.store.swift.Store',
  defaultStore: 'rbd',
};

const server = (unit: number, address: string): HaproxyServer => ({ name: `glance-${unit}`, address, port: 9282 });

/** Relations: shared-db and identity-service only; every option at its default. */
export function minimalModel(release: Release = 'caracal'): GlanceModel {
  return {
    release,
    lineage: lineageOf(release),
    hasRegistry: hasRegistry(release),
    appName: 'glance',
    unitName: 'glance/0',
    clustered: false,
    logging: { debug: 'False', verbose: 'False', useSyslog: 'False' },
    workers: 4,
    bindHost: '0.0.0.0',
    registryHost: '0.0.0.0',
    apiPort: 9282,
    imageSizeCap: 1099511627776,
    diskFormats: 'ami,ari,aki,vhd,vmdk,raw,qcow2,vdi,iso,root-tar',
    filesystemStoreDatadir: '/var/lib/glance/images/',
    exposeImageLocations: false,
    apiConfigFlags: [],
    registryConfigFlags: [],
    memcacheUrl: 'inet6:[::1]:11211',
    memcacheListen: '::1',
    auditMiddleware: false,
    imageImport: { conversion: false },
    useInternalEndpoints: false,
    imageLocationPolicy: '',
    database: { connection: 'mysql+pymysql://glance:DBPASS@127.0.0.1/glance', recycleKey: 'connection_recycle_time' },
    identity: identity(release),
    backends: LOCAL_ONLY,
    subordinateSections: [],
    haproxy: {
      statsPassword: 'STATSPASS',
      statsBind: '127.0.0.1',
      timeouts: { queue: 9000, connect: 9000, client: 90000, server: 90000 },
      ipv6: true,
      backends: [{ address: '10.0.0.50', netmask: '255.255.255.0', servers: [server(0, '10.0.0.50')] }],
      defaultBackend: '10.0.0.50',
      checkSsl: false,
    },
    endpoints: {
      public: 'http://10.0.0.50:9292',
      internal: 'http://10.0.0.50:9292',
      admin: 'http://10.0.0.50:9292',
    },
  };
}

/** + amqp, ceph (2 mons, cephx), object-store and a cluster peer glance/1 at 10.0.0.51. */
export function fullModel(release: Release = 'caracal'): GlanceModel {
  const base = minimalModel(release);
  return {
    ...base,
    exposeImageLocations: true,
    amqp: amqp(),
    ceph: ceph(),
    swift: true,
    backends: LOCAL_CEPH_SWIFT,
    haproxy: {
      ...base.haproxy,
      backends: [
        { address: '10.0.0.50', netmask: '255.255.255.0', servers: [server(0, '10.0.0.50'), server(1, '10.0.0.51')] },
      ],
    },
  };
}

/** full + ssl_cert/ssl_key and os-public-hostname=glance.example.com: Apache takes 9282, glance-api 9272. */
export function tlsModel(release: Release = 'caracal'): GlanceModel {
  const base = fullModel(release);
  return {
    ...base,
    apiPort: 9272,
    haproxy: { ...base.haproxy, checkSsl: true },
    https: {
      externalPort: 9282,
      internalPort: 9272,
      vhosts: [
        { address: '10.0.0.50', cn: '10.0.0.50' },
        { address: '10.0.0.50', cn: 'glance.example.com' },
      ],
      certDir: '/etc/apache2/ssl/glance',
    },
    endpoints: {
      public: 'https://glance.example.com:9292',
      internal: 'https://10.0.0.50:9292',
      admin: 'https://10.0.0.50:9292',
    },
  };
}

/** audit-middleware, image-conversion, custom-import-properties and api-config-flags on top of minimal. */
export function auditImportModel(release: Release = 'caracal'): GlanceModel {
  return {
    ...minimalModel(release),
    auditMiddleware: true,
    imageImport: {
      plugins: "['image_conversion', 'inject_image_metadata']",
      conversion: true,
      customProperties: 'os_distro:ubuntu,hw_disk_bus:scsi',
    },
    apiConfigFlags: [
      ['image_member_quota', '256'],
      ['enabled_import_methods', '[glance-direct,web-download]'],
    ],
  };
}

const cinderSection = (type: string): IniSection => ({
  name: type,
  options: [
    ['cinder_volume_type', type],
    ['cinder_http_retries', '3'],
    ['cinder_state_transition_timeout', '300'],
    ['cinder_store_user_name', 'glance'],
    ['cinder_store_password', 'KSPASS'],
    ['cinder_store_project_name', 'services'],
    ['cinder_store_auth_address', `${KEYSTONE}:35357/v3`],
    ['cinder_catalog_info', 'volumev3:cinderv3:internalURL'],
  ],
});

/**
 * Erasure-coded ceph (metadata pool glance-metadata, data pool glance), cinder-volume-types=fast,slow
 * with use-internal-endpoints, and an external S3 store (which turns image locations off).
 */
export function ecCinderS3Model(release: Release = 'caracal'): GlanceModel {
  return {
    ...fullModel(release),
    swift: undefined,
    exposeImageLocations: false,
    useInternalEndpoints: true,
    ceph: ceph({ pool: 'glance-metadata', dataPool: 'glance', rbdFeatures: '61' }),
    backends: {
      enabled: 'local:file, ceph:rbd, s3:s3, fast:cinder, slow:cinder',
      defaultBackend: 'ceph',
      radosConnectTimeout: 1200,
      cephRadosConnectTimeout: 1200,
      sections: [
        LOCAL_SECTION,
        cephSection('glance-metadata', 1200),
        {
          name: 's3',
          options: [
            ['s3_store_host', 'http://10.0.0.60:7480'],
            ['s3_store_access_key', 'S3ACCESS'],
            ['s3_store_secret_key', 'S3SECRET'],
            ['s3_store_bucket', 'glance'],
          ],
        },
        cinderSection('fast'),
        cinderSection('slow'),
      ],
      knownStores: 'glance.store.cinder.Store,glance.store.filesystem.Store,glance.store.http.Store,glance.store.rbd.Store',
      defaultStore: 'rbd',
    },
  };
}

/** full, with rabbit offering TLS on 5671 with its CA, and mirrored queues. */
export function amqpSslModel(release: Release = 'caracal'): GlanceModel {
  return {
    ...fullModel(release),
    amqp: amqp({
      transportUrl: 'rabbit://glance:RMQPASS@10.0.0.20:5671/openstack',
      haQueues: true,
      ssl: true,
      sslCaFile: '/etc/glance/rabbit-client-ca.pem',
    }),
  };
}
