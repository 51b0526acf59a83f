/**
 * The image stores, in the order glance-api.conf lists them (`enabled_backends` and sections).
 * Which is the default is each store's precedence: ceph > swift > s3 > cinder > local.
 */
import { ceph } from './ceph.js';
import { cinder } from './cinder.js';
import { local } from './local.js';
import { s3 } from './s3.js';
import { swift } from './swift.js';
import type { Store } from './types.js';

export const STORES: readonly Store[] = [local, ceph, swift, s3, cinder];

/** The endpoints that bring a store: together, the storage-backend status group. */
export const STORE_ENDPOINTS = [...new Set(STORES.flatMap((s) => s.relatedBy))];
