/**
 * The caracal-full deployment of the reference goldens (local + ceph + swift), built from relation
 * data through the whole decision (not a hand-made model): the store settings in glance-api.conf,
 * ceph.conf and glance-swift.conf must say what the reference charm wrote.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src/snapshot.js';
import { parseIni } from '../../fixtures/parse-config.js';
import { relation } from '../../fixtures/snapshot.js';
import { API_CONF, brokerAnswer, CEPH_CONF, cephRelation, monUnit, settle, withStores } from '../../fixtures/store-scenario.js';

const REFERENCE = new URL('../../golden/reference/caracal-full/', import.meta.url);
const reference = (name: string) => parseIni(readFileSync(new URL(name, REFERENCE), 'utf8'));

/** caracal-full: + amqp, ceph (2 mons, cephx, pool created), object-store, a cluster peer. */
function caracalFull(): Snapshot {
  return settle(
    withStores({
      amqp: [relation('amqp', 4, 'rabbitmq-server', { 'rabbitmq-server/0': { password: 'RMQPASS', 'private-address': '10.0.0.20' } })],
      ceph: [cephRelation({ 'ceph-mon/0': { ...monUnit('10.0.0.31'), ...brokerAnswer() }, 'ceph-mon/1': monUnit('10.0.0.32') })],
      'object-store': [relation('object-store', 6, 'swift-proxy')],
      cluster: [relation('cluster', 0, 'glance', { 'glance/1': { 'private-address': '10.0.0.51' } })],
    }),
  );
}

describe('storage files of the reference caracal-full deployment', () => {
  const host = caracalFull().host.files;
  const ours = (path: string) => parseIni(host[path] ?? '');

  it('glance-api.conf: enabled_backends, [glance_store] and the backend sections', () => {
    const want = reference('etc__glance__glance-api.conf');
    const got = ours(API_CONF);
    expect(got.DEFAULT?.enabled_backends).toBe(want.DEFAULT?.enabled_backends);
    for (const section of ['glance_store', 'local', 'ceph', 'swift']) expect({ [section]: got[section] }).toEqual({ [section]: want[section] });
    expect(got.glance_store?.rados_connect_timeout).toBe('1200');
  });

  it('glance-api.conf: image locations shown because the RBD store is on', () => {
    const want = reference('etc__glance__glance-api.conf');
    const got = ours(API_CONF);
    for (const key of ['show_multiple_locations', 'show_image_direct_url']) expect(got.DEFAULT?.[key]).toBe(want.DEFAULT?.[key]);
  });

  it('ceph.conf as the reference wrote it', () => {
    expect(ours(CEPH_CONF)).toEqual(reference('var__lib__charm__glance__ceph.conf'));
  });

  it('glance-swift.conf as the reference wrote it', () => {
    expect(ours('/etc/glance/glance-swift.conf')).toEqual(reference('etc__glance__glance-swift.conf'));
  });
});
