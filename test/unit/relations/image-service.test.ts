/**
 * image-service, called directly: nova and cinder learn glance's internal URL, and whether
 * glance serves images yet (database and keystone ready). Glance reads nothing from them.
 */
import { describe, expect, it } from 'vitest';
import { imageService } from '../../../src/relations/image-service.js';
import { publishEnv, readEnv } from '../../fixtures/relation-env.js';
import { relation } from '../../fixtures/snapshot.js';
import { referenceRelationData } from '../ha/reference-outputs.js';

const env = readEnv();
const nova = relation('image-service', 9, 'nova-cloud-controller', { 'nova-cloud-controller/0': { 'private-address': '10.0.0.40' } });
const publish = (o: Parameters<typeof publishEnv>[0] = {}) => imageService.publish?.(nova, publishEnv(o), {});

describe('image-service: what the read phase and status rely on', () => {
  it('needs only the relation ids, and is no status group', () => {
    expect(imageService.endpoint).toBe('image-service');
    expect(imageService.reads).toBe('ids');
    expect(imageService.group).toBeUndefined();
    expect(imageService.completeWith).toBeUndefined();
    expect(imageService.ownBag).toBeUndefined();
    expect(imageService.binding).toBeUndefined();
    expect(imageService.files).toBeUndefined();
    expect(imageService.paths).toBeUndefined();
    expect(imageService.teardown).toBeUndefined();
  });
});

describe('image-service: readiness', () => {
  it('is absent when unrelated, ready as soon as related, whatever the remote sends', () => {
    expect(imageService.read([], env)).toEqual({ state: 'absent' });
    expect(imageService.read([relation('image-service', 9, 'nova-cloud-controller')], env)).toEqual({ state: 'ready', context: true });
    expect(imageService.read([relation('image-service', 9, 'nova', { 'nova/0': { anything: 'x\ny=z' } })], env)).toEqual({ state: 'ready', context: true });
  });
});

describe('image-service: what glance publishes', () => {
  it('says glance-api-ready yes with the internal URL when serving (golden image_service_joined)', () => {
    expect(publish({ serving: true })).toEqual(referenceRelationData('image_service_joined'));
    expect(publish({ serving: true })).toEqual({ 'glance-api-server': 'http://10.0.0.50:9292', 'glance-api-ready': 'yes' });
  });

  it('says no while the database or keystone is not ready', () => {
    expect(publish({ serving: false })).toEqual({ 'glance-api-server': 'http://10.0.0.50:9292', 'glance-api-ready': 'no' });
  });

  it('gives the https internal URL with TLS (golden image_service_joined https), the public host name aside', () => {
    expect(publish({ https: true, options: { 'os-public-hostname': 'glance.example.com' } })).toEqual(referenceRelationData('image_service_joined https'));
  });

  it('gives the internal host name or, clustered, the VIP', () => {
    expect(publish({ options: { 'os-internal-hostname': 'glance.internal' } })?.['glance-api-server']).toBe('http://glance.internal:9292');
    expect(publish({ options: { vip: '10.0.0.100' }, clustered: true })?.['glance-api-server']).toBe('http://10.0.0.100:9292');
    // Not clustered yet: still the unit address (keystone waits, nova is told the unit).
    expect(publish({ options: { vip: '10.0.0.100' }, clustered: false })?.['glance-api-server']).toBe('http://10.0.0.50:9292');
  });
});
