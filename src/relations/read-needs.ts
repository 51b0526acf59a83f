/**
 * How much of each endpoint's remote data glance reads (the read phase uses it to skip hook-tool
 * calls): 'ids' = only that the relation exists, 'units' = remote unit databags,
 * 'units+app' = also the remote application databag when the unit bags are not enough.
 */
export type ReadNeed = 'ids' | 'units' | 'units+app';

export const READ_NEEDS: Record<string, ReadNeed> = {
  'image-service': 'ids',
  'object-store': 'ids',
  'cinder-volume-service': 'ids',
  'nrpe-external-master': 'units',
  'shared-db': 'units',
  amqp: 'units',
  'identity-service': 'units+app',
  ceph: 'units',
  ha: 'units',
  'storage-backend': 'units',
  certificates: 'units',
  cluster: 'units',
};

/**
 * Endpoints whose handler sees this unit's own databag on every hook: the Ceph broker request is
 * kept word for word while its content is unchanged, since ceph-mon runs a request again when
 * its text changes (after a switch the text is the previous charm's).
 */
export const OWN_BAG_NEEDED: ReadonlySet<string> = new Set(['ceph']);
