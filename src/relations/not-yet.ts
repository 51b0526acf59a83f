/**
 * Endpoints whose handling has not landed yet report honestly: absent when unrelated, and
 * incomplete (naming what glance cannot use yet) when related, never a silent "ready".
 */
import { absent, incomplete, type RelationHandler } from './types.js';

export const notYet = (endpoint: string): RelationHandler<never> => ({
  endpoint,
  read: (rels) => (rels.length ? incomplete([`${endpoint} support`]) : absent),
});
