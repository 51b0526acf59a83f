/**
 * What the ceph relation changes on the host besides files: ceph-common installed while the
 * relation exists, and the charm's ceph.conf made the system's /etc/ceph/ceph.conf through
 * update-alternatives whenever it is (re)written, as the reference did (priority 50).
 */
import type { RenderedFile } from '../base/host-file.js';
import type { Effect } from '../plan.js';
import type { HostSnapshot } from '../snapshot.js';
import { CEPH_PACKAGE, charmCephConf, SYSTEM_CEPH_CONF } from './paths.js';

export interface CephHostInputs {
  appName: string;
  /** A ceph relation exists (ready or not). */
  related: boolean;
  host: Pick<HostSnapshot, 'packages'>;
  /** The files this hook writes. */
  changed: readonly RenderedFile[];
}

export interface CephHostPlan {
  /** Before the files: the client tools ceph.conf and the RBD store rely on. */
  install: Effect[];
  /** After the files: the system ceph.conf link. */
  after: Effect[];
}

export function planCephHost(i: CephHostInputs): CephHostPlan {
  // Unknown (the read phase did not look) counts as missing: apt-get install is idempotent.
  const installed = Boolean(i.host.packages?.[CEPH_PACKAGE]);
  const conf = charmCephConf(i.appName);
  return {
    install: i.related && !installed ? [{ kind: 'apt-install', packages: [CEPH_PACKAGE] }] : [],
    after: i.changed.some((f) => f.path === conf)
      ? [{ kind: 'command', argv: ['update-alternatives', '--force', '--install', SYSTEM_CEPH_CONF, 'ceph.conf', conf, '50'], hostPaths: [3, 5] }]
      : [],
  };
}
