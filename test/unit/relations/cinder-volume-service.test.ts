/**
 * cinder-volume-service, called directly: its presence turns the cinder store on; glance reads
 * nothing from cinder and sends nothing.
 */
import { describe, expect, it } from 'vitest';
import { cinderVolumeService } from '../../../src/relations/cinder-volume-service.js';
import { handlerGroups } from '../../../src/relations/index.js';
import { STORE_ENDPOINTS } from '../../../src/stores/index.js';
import { readEnv } from '../../fixtures/relation-env.js';
import { relation } from '../../fixtures/snapshot.js';

const env = readEnv();

describe('cinder-volume-service', () => {
  it("needs only the relation ids; its status group is the store registry's storage-backend", () => {
    expect(cinderVolumeService.endpoint).toBe('cinder-volume-service');
    expect(cinderVolumeService.reads).toBe('ids');
    expect(cinderVolumeService.group).toBeUndefined();
    expect(handlerGroups().map((g) => g.endpoint)).not.toContain('cinder-volume-service');
    expect(STORE_ENDPOINTS).toContain('cinder-volume-service');
    expect(cinderVolumeService.completeWith).toBeUndefined();
    expect(cinderVolumeService.ownBag).toBeUndefined();
    expect(cinderVolumeService.binding).toBeUndefined();
  });

  it('is absent when unrelated, ready as soon as related (reference Q10), whatever the remote sends', () => {
    expect(cinderVolumeService.read([], env)).toEqual({ state: 'absent' });
    expect(cinderVolumeService.read([relation('cinder-volume-service', 7, 'cinder')], env)).toEqual({ state: 'ready', context: true });
    const noisy = relation('cinder-volume-service', 7, 'cinder', { 'cinder/0': { 'private-address': '\n', x: '=' } });
    expect(cinderVolumeService.read([noisy], env)).toEqual({ state: 'ready', context: true });
  });

  it('publishes nothing and hands nothing to the host', () => {
    expect(cinderVolumeService.publish).toBeUndefined();
    expect(cinderVolumeService.files).toBeUndefined();
    expect(cinderVolumeService.paths).toBeUndefined();
    expect(cinderVolumeService.teardown).toBeUndefined();
  });
});
