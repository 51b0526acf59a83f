/**
 * Every host file whose current content the read phase loads, so the pure core can tell what
 * changed: the rendered files, the files relations hand over, and the host state TLS decisions
 * read (host name, Apache's enabled site). TLS certificate files have names that depend on
 * addresses; unit memory lists them (UnitMemory.certPaths).
 */
import { relationPaths } from './relations/index.js';
import { FILES } from './render/files.js';
import { TLS_STATE_PATHS } from './tls/paths.js';

export const managedPaths = (appName: string): string[] => [
  ...FILES.map((f) => (typeof f.path === 'string' ? f.path : f.path({ appName }))),
  ...relationPaths(appName),
  ...TLS_STATE_PATHS,
];
