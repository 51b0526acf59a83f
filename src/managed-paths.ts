/**
 * Every host file whose current content the read phase loads, so the pure core can tell what
 * changed: the rendered files plus the secret files relations hand over, and the host state TLS
 * decisions read (host name, Apache's enabled site and modules). TLS certificate files have names
 * that depend on addresses; unit memory lists them (UnitMemory.certPaths).
 */
import { keyringPath } from './ceph/host-effects.js';
import { RELATION_FILE_PATHS } from './reconcile/files.js';
import { FILES } from './render/files.js';
import { TLS_STATE_PATHS } from './tls/paths.js';

export const managedPaths = (appName: string): string[] => [
  ...FILES.map((f) => (typeof f.path === 'string' ? f.path : f.path({ appName }))),
  ...RELATION_FILE_PATHS,
  ...TLS_STATE_PATHS,
  // Read so that a broken ceph relation can remove it.
  keyringPath(appName),
];
