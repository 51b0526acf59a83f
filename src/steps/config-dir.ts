/**
 * /etc/glance holds database and service passwords. The security guide (Check-Image-01/02)
 * asks for it to be owned by root with group glance and no access for others: glance's
 * services read it through their group. Set after every package operation, which may create the
 * directory or reset it; security-checklist verifies exactly this.
 */
import { type FileOwner, GLANCE_SECRET_DIR } from '../base/owners.js';
import type { Effect } from '../plan.js';

export const GLANCE_CONFIG_DIR = '/etc/glance';
export const CONFIG_DIR_OWNER: FileOwner = GLANCE_SECRET_DIR;

export const secureConfigDir: Effect = { kind: 'mkdir', path: GLANCE_CONFIG_DIR, owner: CONFIG_DIR_OWNER };
