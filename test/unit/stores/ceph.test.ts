/**
 * The RBD store (ceph relation), called directly: usable once ceph-mon has created the pools (or
 * a request that only retunes confirmed pools waits), stopped by the erasure-code rules and by
 * the broker's answer.
 */
import { describe, expect, it } from 'vitest';
import { ceph } from '../../../src/stores/ceph.js';
import { type StoreOptions, storeInputs } from '../../fixtures/relation-env.js';
import { type BrokerStep, cephAt } from '../../fixtures/store-relations.js';

const at = (step: BrokerStep | 'unrelated', options: Record<string, unknown> = {}, o: StoreOptions = {}) =>
  storeInputs({ ...o, options, relations: step === 'unrelated' ? {} : { ceph: cephAt(step, options) } });

const section = (pool: string, timeout: string, user = 'glance') => ({
  id: 'ceph:rbd',
  section: {
    name: 'ceph',
    options: [
      ['rbd_store_chunk_size', '8'],
      ['rbd_store_pool', pool],
      ['rbd_store_user', user],
      ['rados_connect_timeout', timeout],
      ['rbd_store_ceph_conf', '/etc/ceph/ceph.conf'],
    ],
  },
});

const EC = { 'pool-type': 'erasure-coded', 'ec-profile-k': 4, 'ec-profile-m': 2 };

describe('ceph store', () => {
  it('is brought by the ceph relation, shared, first in precedence', () => {
    expect(ceph.name).toBe('ceph');
    expect(ceph.relatedBy).toEqual(['ceph']);
    expect(ceph.shared).toBe(true);
    expect(ceph.precedence).toBe(1);
  });

  it('is wanted from the moment ceph-mon is related, key or not', () => {
    expect(ceph.wanted(at('unrelated'))).toBe(false);
    for (const step of ['no-key', 'pending', 'complete', 'failed'] as const) expect(ceph.wanted(at(step)), step).toBe(true);
  });

  it('brings the golden [ceph] section once the broker request is complete, with the timeout it is given', () => {
    expect(ceph.backends(at('complete'), 1200)).toEqual([section('glance', '1200')]);
    expect(ceph.backends(at('complete'), 0)).toEqual([section('glance', '0')]);
  });

  it('uses the pool it asked for and the application as the user', () => {
    expect(ceph.backends(at('complete', { 'rbd-pool-name': 'images' }), 0)).toEqual([section('images', '0')]);
    expect(ceph.backends(at('complete', EC), 0)).toEqual([section('glance-metadata', '0')]);
    expect(ceph.backends(at('complete', { 'pool-type': 'erasure-coded', 'ec-rbd-metadata-pool': 'meta' }), 0)).toEqual([section('meta', '0')]);
  });

  it('brings nothing before the key, while the request waits, or when it failed', () => {
    for (const step of ['unrelated', 'no-key', 'pending', 'failed'] as const) expect(ceph.backends(at(step), 1200), step).toEqual([]);
  });

  it('stays on while a request that only retunes confirmed pools waits', () => {
    expect(ceph.backends(at('pending', { 'ceph-pool-weight': 20 }, { memory: { cephPoolsReady: ['glance'] } }), 0)).toEqual([section('glance', '0')]);
    expect(ceph.backends(at('pending', {}, { memory: { cephPoolsReady: ['other'] } }), 0)).toEqual([]);
  });

  it('reports the broker: waiting while pending, blocked with ceph-mon\'s message on failure, nothing once complete', () => {
    expect(ceph.problems?.(at('unrelated'))).toEqual([]);
    expect(ceph.problems?.(at('no-key'))).toEqual([]);
    expect(ceph.problems?.(at('pending'))).toEqual([{ severity: 'waiting', source: 'ceph', message: 'Ceph broker request incomplete' }]);
    expect(ceph.problems?.(at('failed'))).toEqual([{ severity: 'blocked', source: 'ceph', message: 'Ceph broker request failed: pool create failed' }]);
    expect(ceph.problems?.(at('complete'))).toEqual([]);
  });

  it('reports erasure-code settings Ceph would refuse, by option, before the broker', () => {
    const lrc = { ...EC, 'ec-profile-plugin': 'lrc' };
    expect(ceph.problems?.(at('pending', lrc))).toEqual([
      { severity: 'blocked', source: 'ec-profile-locality', message: 'Invalid configuration: ec-profile-locality: the lrc plugin needs it' },
      { severity: 'waiting', source: 'ceph', message: 'Ceph broker request incomplete' },
    ]);
    expect(ceph.problems?.(at('complete', { ...lrc, 'ec-profile-locality': 4 }))).toEqual([
      { severity: 'blocked', source: 'ec-profile-locality', message: 'Invalid configuration: ec-profile-locality: 4 must divide ec-profile-k + ec-profile-m (6)' },
    ]);
    expect(ceph.problems?.(at('complete', { ...lrc, 'ec-profile-locality': 3, 'ec-profile-durability-estimator': 2 }))).toEqual([
      {
        severity: 'blocked',
        source: 'ec-profile-durability-estimator',
        message: 'Invalid configuration: ec-profile-durability-estimator: cannot be set together with ec-profile-locality',
      },
    ]);
    expect(ceph.problems?.(at('complete', { ...EC, 'ec-profile-plugin': 'shec', 'ec-profile-durability-estimator': 3 }))).toEqual([
      { severity: 'blocked', source: 'ec-profile-durability-estimator', message: 'Invalid configuration: ec-profile-durability-estimator: 3 must not exceed ec-profile-m (2)' },
    ]);
    expect(ceph.problems?.(at('complete', { ...EC, 'ec-profile-plugin': 'clay', 'ec-profile-helper-chunks': 6 }))).toEqual([
      {
        severity: 'blocked',
        source: 'ec-profile-helper-chunks',
        message: 'Invalid configuration: ec-profile-helper-chunks: 6 must be between ec-profile-k + 1 and ec-profile-k + ec-profile-m - 1',
      },
    ]);
    // Valid EC settings, and replicated pools, say nothing.
    expect(ceph.problems?.(at('complete', { ...EC, 'ec-profile-plugin': 'clay', 'ec-profile-helper-chunks': 5 }))).toEqual([]);
    expect(ceph.problems?.(at('complete', { 'ec-profile-plugin': 'lrc' }))).toEqual([]);
  });

  it('before stein: the rbd driver, listed and the default only while usable', () => {
    expect(ceph.legacy?.driver).toBe('glance.store.rbd.Store');
    expect(ceph.legacy?.name).toBe('rbd');
    for (const step of ['unrelated', 'no-key', 'pending', 'failed'] as const) {
      expect(ceph.legacy?.listed(at(step)), step).toBe(false);
      expect(ceph.legacy?.serves(at(step)), step).toBe(false);
    }
    expect(ceph.legacy?.listed(at('complete'))).toBe(true);
    expect(ceph.legacy?.serves(at('complete'))).toBe(true);
  });
});
