/**
 * object-store (interface swift-proxy): the relation's presence turns on the swift store; Swift
 * is then found through the keystone catalog with glance's own credentials, so nothing is read
 * from the remote side (reference §8).
 */
import { absent, ready, type RelationHandler } from './types.js';

export const objectStore: RelationHandler<true> = {
  endpoint: 'object-store',
  reads: 'ids',
  read: (rels) => (rels.length ? ready(true) : absent),
};
