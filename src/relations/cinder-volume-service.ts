/**
 * cinder-volume-service (interface cinder): its presence turns on the cinder store; glance reads
 * nothing from it and sends nothing.
 */
import { absent, ready, type RelationHandler } from './types.js';

export const cinderVolumeService: RelationHandler<true> = {
  endpoint: 'cinder-volume-service',
  reads: 'ids',
  read: (rels) => (rels.length ? ready(true) : absent),
};
