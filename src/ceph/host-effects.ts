/**
 * What the ceph relation changes on the host besides rendered files: ceph-common installed while
 * the relation exists, the cephx keyring (written when the key arrives, removed when the
 * relation is broken), and the charm's ceph.conf made the system's /etc/ceph/ceph.conf through
 * update-alternatives whenever it is (re)written, as the reference did (priority 50).
 */
import { GLANCE_SECRET } from '../base/owners.js';
import type { Decision } from '../model/decide.js';
import type { Effect } from '../plan.js';
import type { RenderedFile } from '../base/host-file.js';
import type { Snapshot } from '../snapshot.js';

export const CEPH_PACKAGE = 'ceph-common';
export const SYSTEM_CEPH_CONF = '/etc/ceph/ceph.conf';

export const keyringPath = (appName: string): string => `/etc/ceph/ceph.client.${appName}.keyring`;
export const charmCephConf = (appName: string): string => `/var/lib/charm/${appName}/ceph.conf`;

/**
 * The keyring in the format ceph-authtool writes. Written as a file rather than by running
 * `ceph-authtool --add-key=<key>`: the key would show in argv (ps, command logs) and the tool
 * prints it back; the write also gets its owner and mode atomically and happens only on change.
 */
export function keyringFiles(d: Decision): RenderedFile[] {
  const ceph = d.model.ceph;
  if (!ceph) return [];
  return [
    {
      path: keyringPath(d.model.appName),
      content: `[client.${d.model.appName}]\n\tkey = ${ceph.key}\n`,
      // librados in glance-api reads it through the glance group; nobody else may.
      owner: GLANCE_SECRET,
      services: ['glance-api'],
    },
  ];
}

export interface CephHostPlan {
  /** Before the files: the client tools ceph.conf and the RBD store rely on. */
  install: Effect[];
  /** After the files: the system ceph.conf link, and the keyring of a broken relation removed. */
  after: Effect[];
}

export function planCephHost(d: Decision, snap: Snapshot, changed: readonly RenderedFile[]): CephHostPlan {
  const app = d.model.appName;
  const related = d.readiness.ceph.state !== 'absent';
  // Unknown (the read phase did not look) counts as missing: apt-get install is idempotent.
  const installed = Boolean(snap.host.packages?.[CEPH_PACKAGE]);
  const install: Effect[] = related && !installed ? [{ kind: 'apt-install', packages: [CEPH_PACKAGE] }] : [];
  const after: Effect[] = [];
  if (changed.some((f) => f.path === charmCephConf(app))) {
    after.push({
      kind: 'command',
      argv: ['update-alternatives', '--force', '--install', SYSTEM_CEPH_CONF, 'ceph.conf', charmCephConf(app), '50'],
      hostPaths: [3, 5],
    });
  }
  const keyring = keyringPath(app);
  if (!related && (snap.host.files[keyring] ?? null) !== null) after.push({ kind: 'delete-file', path: keyring });
  return { install, after };
}
