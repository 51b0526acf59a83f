import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTemplates } from '../../../src/render/templates.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The charm's template tree, and the set loaded from it once for all render tests. */
export const REPO_TEMPLATES = join(REPO, 'templates');
export const TEMPLATES = loadTemplates(REPO_TEMPLATES);

/** Golden files: reference/<scenario> as the Python charm rendered them, <scenario> as we render them. */
export const GOLDEN_DIR = join(REPO, 'test/golden');

/** Golden file name for a host path: '/etc/glance/glance-api.conf' -> 'etc__glance__glance-api.conf'. */
export const goldenName = (path: string): string => path.replace(/^\//, '').replaceAll('/', '__');
