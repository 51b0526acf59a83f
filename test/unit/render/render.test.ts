/**
 * What an operator reads in the rendered files for each lineage and option, asserted line by line
 * (the goldens pin the whole files; these say which lines matter and why).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RELEASES } from '../../../src/base/release.js';
import type { GlanceModel } from '../../../src/model/types.js';
import { renderFiles } from '../../../src/render/render.js';
import { loadTemplates } from '../../../src/render/templates.js';
import { amqpSslModel, auditImportModel, ecCinderS3Model, fullModel, minimalModel, tlsModel } from './fixtures.js';
import { directives, type Ini, parseIni } from '../../fixtures/parse-config.js';
import { REPO_TEMPLATES, TEMPLATES } from '../../fixtures/templates.js';

const file = (model: GlanceModel, path: string): string => {
  const found = renderFiles(model, TEMPLATES).find((f) => f.path === path);
  if (!found) throw new Error(`${path} not rendered`);
  return found.content;
};
const apiConf = (model: GlanceModel): Ini => parseIni(file(model, '/etc/glance/glance-api.conf'));

describe('glance-api.conf per lineage', () => {
  it('queens: registry keys and one store in [glance_store], no multi-store keys', () => {
    const conf = apiConf(fullModel('queens'));
    expect(conf.DEFAULT).toMatchObject({ registry_host: '0.0.0.0', registry_port: '9191' });
    expect(conf.DEFAULT).not.toHaveProperty('enabled_backends');
    expect(conf.glance_store).toMatchObject({ default_store: 'rbd', rbd_store_pool: 'glance', swift_store_create_container_on_put: 'true' });
    expect(conf).not.toHaveProperty('ceph');
  });

  it('queens: glance-registry.conf listens on 9191 with the same keystone and database', () => {
    const conf = parseIni(file(fullModel('queens'), '/etc/glance/glance-registry.conf'));
    expect(conf.DEFAULT?.bind_port).toBe('9191');
    expect(conf.keystone_authtoken?.auth_uri).toBe('http://10.0.0.10:5000/v3');
    expect(conf.database?.connection).toBe('mysql+pymysql://glance:DBPASS@127.0.0.1/glance');
    expect(conf.paste_deploy).toEqual({ flavor: 'keystone' });
  });

  it('stein: multi-store backends with the single-store keys still set', () => {
    const conf = apiConf(fullModel('stein'));
    expect(conf.DEFAULT?.enabled_backends).toBe('local:file, ceph:rbd, swift:swift');
    expect(conf.glance_store).toMatchObject({ default_backend: 'ceph', default_store: 'rbd' });
    expect(conf.DEFAULT).not.toHaveProperty('registry_host');
  });

  it('ussuri and later: multi-store only, one section per backend', () => {
    const conf = apiConf(fullModel('ussuri'));
    expect(conf.glance_store).toEqual({ default_backend: 'ceph', rados_connect_timeout: '1200' });
    expect(Object.keys(conf)).toEqual(expect.arrayContaining(['local', 'ceph', 'swift']));
    expect(conf).not.toHaveProperty('oslo_policy');
  });

  it('epoxy and later keep the pre-epoxy oslo.policy defaults', () => {
    for (const release of ['epoxy', 'flamingo'] as const) {
      expect(apiConf(fullModel(release)).oslo_policy).toEqual({ enforce_scope: 'False', enforce_new_defaults: 'False' });
    }
    expect(apiConf(fullModel('dalmatian'))).not.toHaveProperty('oslo_policy');
  });
});

describe('options and relations in glance-api.conf', () => {
  it('[barbican] waits for identity instead of rendering ://:/v3 (reference §13 Q4)', () => {
    const { identity: _, ...noIdentity } = minimalModel();
    const conf = apiConf(noIdentity);
    expect(conf).not.toHaveProperty('barbican');
    expect(conf).not.toHaveProperty('keystone_authtoken');
    expect(conf).not.toHaveProperty('paste_deploy');
  });

  it('without a database there is no [database] section rather than an empty connection', () => {
    const { database: _, ...noDatabase } = minimalModel();
    expect(apiConf(noDatabase)).not.toHaveProperty('database');
  });

  it('api-config-flags land in [DEFAULT] as given', () => {
    expect(apiConf(auditImportModel()).DEFAULT).toMatchObject({
      image_member_quota: '256',
      enabled_import_methods: '[glance-direct,web-download]',
    });
  });

  it('image import: plugin list, conversion to raw, injected properties with the literal "" roles', () => {
    const text = file(auditImportModel(), '/etc/glance/glance-api.conf');
    const conf = parseIni(text);
    expect(conf.image_import_opts?.image_import_plugins).toBe("['image_conversion', 'inject_image_metadata']");
    expect(conf.image_conversion).toEqual({ output_format: 'raw' });
    expect(conf.inject_metadata_properties?.inject).toBe('os_distro:ubuntu,hw_disk_bus:scsi');
    expect(text).toContain('ignore_user_roles = ""\n');
    expect(apiConf(minimalModel())).not.toHaveProperty('image_import_opts');
  });

  it('audit-middleware: audit filter after authtoken in every keystone pipeline, notifications to the log', () => {
    const paste = parseIni(file(auditImportModel(), '/etc/glance/api-paste.ini'));
    for (const flavor of ['glance-api-keystone', 'glance-api-keystone+caching', 'glance-api-keystone+cachemanagement']) {
      expect(paste[`pipeline:${flavor}`]?.pipeline).toContain('authtoken audit context');
    }
    expect(paste['filter:audit']).toEqual({
      'paste.filter_factory': 'keystonemiddleware.audit:filter_factory',
      audit_map_file: '/etc/glance/api_audit_map.conf',
      service_name: 'glance',
    });
    expect(apiConf(auditImportModel()).audit_middleware_notifications).toEqual({ driver: 'log' });
    expect(parseIni(file(minimalModel(), '/etc/glance/api-paste.ini'))).not.toHaveProperty('filter:audit');
  });

  it('erasure-coded ceph: glance-api uses the metadata pool, ceph.conf names the data pool', () => {
    const model = ecCinderS3Model();
    expect(apiConf(model).ceph?.rbd_store_pool).toBe('glance-metadata');
    const ceph = parseIni(file(model, '/var/lib/charm/glance/ceph.conf'));
    expect(ceph.client).toEqual({ 'rbd default data pool': 'glance' });
    expect(ceph.global?.['rbd default features']).toBe('61');
  });

  it('cinder volume types and S3: one section each, image locations hidden with S3', () => {
    const conf = apiConf(ecCinderS3Model());
    expect(conf.DEFAULT?.enabled_backends).toBe('local:file, ceph:rbd, s3:s3, fast:cinder, slow:cinder');
    expect(conf.fast).toMatchObject({ cinder_volume_type: 'fast', cinder_catalog_info: 'volumev3:cinderv3:internalURL' });
    expect(conf.slow?.cinder_store_auth_address).toBe('http://10.0.0.10:35357/v3');
    expect(conf.s3).toMatchObject({ s3_store_host: 'http://10.0.0.60:7480', s3_store_bucket: 'glance' });
    expect(conf.DEFAULT).not.toHaveProperty('show_image_direct_url');
  });

  it('rabbit over TLS with mirrored queues', () => {
    expect(apiConf(amqpSslModel()).oslo_messaging_rabbit).toEqual({
      rabbit_ha_queues: 'True',
      ssl: 'True',
      ssl_ca_file: '/etc/glance/rabbit-client-ca.pem',
    });
    expect(apiConf(fullModel()).oslo_messaging_rabbit).toEqual({});
  });

  it('storage-backend subordinate sections are appended as given', () => {
    const model: GlanceModel = { ...minimalModel(), subordinateSections: [{ name: 'os_brick', options: [['lock_path', '/var/lock/glance']] }] };
    expect(apiConf(model).os_brick).toEqual({ lock_path: '/var/lock/glance' });
  });

  it('restrict-image-location-operations limits the location rules to admins', () => {
    const policy = file({ ...minimalModel(), imageLocationPolicy: 'role:admin' }, '/etc/glance/policy.yaml');
    expect(directives(policy)).toEqual([
      '"get_image_location": "role:admin"',
      '"set_image_location": "role:admin"',
      '"delete_image_location": "role:admin"',
    ]);
  });
});

describe('haproxy.cfg', () => {
  it('one ACL and backend per network, the cluster network as default, stats on IPv6 loopback with prefer-ipv6', () => {
    const base = fullModel();
    const model: GlanceModel = {
      ...base,
      haproxy: {
        ...base.haproxy,
        statsBind: 'ip6-localhost',
        ipv6: false,
        backends: [
          ...base.haproxy.backends,
          { address: '192.168.1.50', netmask: '255.255.255.0', servers: [{ name: 'glance-0', address: '192.168.1.50', port: 9282 }] },
        ],
      },
    };
    const cfg = directives(file(model, '/etc/haproxy/haproxy.cfg'));
    expect(cfg).toContain('bind ip6-localhost:8888');
    expect(cfg).not.toContain('bind :::9292');
    expect(cfg).toEqual(
      expect.arrayContaining([
        'acl net_192.168.1.50 dst 192.168.1.50/255.255.255.0',
        'use_backend glance_api_192.168.1.50 if net_192.168.1.50',
        'default_backend glance_api_10.0.0.50',
        'backend glance_api_192.168.1.50',
        'server glance-0 192.168.1.50:9282 check',
      ]),
    );
  });
});

describe('rendering', () => {
  it('is deterministic and does not depend on which template set was used first', () => {
    const again = loadTemplates(REPO_TEMPLATES);
    expect(renderFiles(fullModel(), again)).toEqual(renderFiles(fullModel(), TEMPLATES));
    expect(renderFiles(fullModel(), TEMPLATES)).toEqual(renderFiles(fullModel(), TEMPLATES));
  });

  it('renders valid INI for every release and any mix of ready relations', () => {
    const optional = ['database', 'identity', 'amqp', 'ceph', 'swift', 'https'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...RELEASES), fc.subarray([...optional]), (release, ready) => {
        const { auditMiddleware, imageImport } = auditImportModel(release);
        const model: GlanceModel = { ...tlsModel(release), auditMiddleware, imageImport };
        for (const key of optional) if (!ready.includes(key)) delete model[key];
        const files = renderFiles(model, TEMPLATES);
        for (const f of files.filter((x) => x.path.startsWith('/etc/glance/') && !x.path.endsWith('.yaml'))) parseIni(f.content);
        const conf = apiConf(model);
        expect('barbican' in conf).toBe(ready.includes('identity'));
        expect('database' in conf).toBe(ready.includes('database'));
        expect('oslo_messaging_notifications' in conf).toBe(ready.includes('amqp'));
      }),
    );
  });
});
