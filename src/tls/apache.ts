/**
 * Host commands TLS needs besides files (reference configure_https): with TLS, the Apache
 * modules `ssl proxy proxy_http headers` and the `openstack_https_frontend` site are enabled;
 * without it the site is disabled and Apache stopped, so it frees the port glance-api takes back.
 * The commands run only when the site's state has to change (the read phase loads the enabled
 * site's link), so repeated hooks run nothing; the reference ran them in every hook. Apache
 * restarts after the site was enabled. A changed CA file is followed by `update-ca-certificates --fresh`.
 */
import type { Effect } from '../plan.js';
import { APACHE_MODULES, CA_DIR, SITE, SITE_ENABLED_PATH } from './paths.js';

export interface ApacheInputs {
  https: boolean;
  paused: boolean;
  /** Host files as the read phase loaded them (null or absent: not there). */
  files: Readonly<Record<string, string | null>>;
  /** Paths of the files this hook writes. */
  changed: readonly string[];
}

export interface ApachePlan {
  /** Commands (and Apache's stop) to run after the files are written, before restarts. */
  effects: Effect[];
  /** Services to restart although none of their files changed. */
  restart: string[];
}

const present = (files: ApacheInputs['files'], path: string): boolean => typeof files[path] === 'string';

export function planApache(i: ApacheInputs): ApachePlan {
  const effects: Effect[] = [];
  const siteOn = present(i.files, SITE_ENABLED_PATH);
  if (i.https && !siteOn) {
    effects.push({ kind: 'command', argv: ['a2enmod', ...APACHE_MODULES] }, { kind: 'command', argv: ['a2ensite', SITE] });
  } else if (!i.https && siteOn) {
    effects.push({ kind: 'command', argv: ['a2dissite', SITE] });
    if (!i.paused) effects.push({ kind: 'service', action: 'stop', service: 'apache2' });
  }
  const restart = i.https && effects.length > 0 ? ['apache2'] : [];
  if (i.changed.some((p) => p.startsWith(`${CA_DIR}/`))) {
    effects.push({ kind: 'command', argv: ['update-ca-certificates', '--fresh'] });
  }
  return { effects, restart };
}
