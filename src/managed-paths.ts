/**
 * Every host file whose current content the read phase loads, so the pure core can tell what
 * changed: the rendered files plus the secret files relations hand over.
 */
import { RELATION_FILE_PATHS } from './reconcile/files.js';
import { FILES } from './render/files.js';

export const managedPaths = (appName: string): string[] => [
  ...FILES.map((f) => (typeof f.path === 'string' ? f.path : f.path({ appName }))),
  ...RELATION_FILE_PATHS,
];
