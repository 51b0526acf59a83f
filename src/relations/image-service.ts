/**
 * image-service (interface glance): nova-cloud-controller, nova-compute and cinder learn where
 * the Glance API is and whether it is ready. Glance reads nothing from them.
 */
import { absent, ready, type RelationHandler } from './types.js';

export const imageService: RelationHandler<true> = {
  endpoint: 'image-service',
  reads: 'ids',
  read: (rels) => (rels.length ? ready(true) : absent),
  publish: (_rel, env) => ({
    'glance-api-server': env.endpoints.internal,
    'glance-api-ready': env.serving ? 'yes' : 'no',
  }),
};
