/**
 * Leaving the machine (Juju runs stop, then remove, once every relation is broken): stop stops
 * the services this unit manages; remove takes away what the charm itself put on the host and
 * no package owns: the charm's Ceph directory and the /etc/ceph/ceph.conf alternative pointing
 * into it, the cephx keyring, the secrets relations handed over, TLS certificates, and the NRPE
 * checks. Neither hook reconciles afterwards: that would start and rewrite it all again.
 */
import { charmCephConf, keyringPath } from '../ceph/host-effects.js';
import { decide } from '../model/decide.js';
import { unitServices } from '../model/services.js';
import { planNrpe } from '../nrpe/plan.js';
import type { Effect } from '../plan.js';
import { RELATION_FILE_PATHS } from '../reconcile/files.js';
import type { Snapshot } from '../snapshot.js';
import { CA_DIR } from '../tls/paths.js';

export function stopEffects(snap: Snapshot): Effect[] {
  if (snap.host.glanceCommonVersion === null) return [];
  return unitServices(decide(snap)).map((service): Effect => ({ kind: 'service', action: 'stop', service }));
}

const exists = (snap: Snapshot, path: string): boolean => (snap.host.files[path] ?? null) !== null;

export function removeEffects(snap: Snapshot): Effect[] {
  const app = snap.hook.appName;
  const cephConf = charmCephConf(app);
  const certs = snap.memory.certPaths ?? [];
  const secrets = [keyringPath(app), ...RELATION_FILE_PATHS, ...certs].filter((p) => exists(snap, p));
  // Relations are all broken by now, so the NRPE plan is to remove every check of ours.
  const nrpe = planNrpe(decide({ ...snap, relations: {} }), snap);
  return [
    ...(exists(snap, cephConf)
      ? ([
          { kind: 'command', argv: ['update-alternatives', '--remove', 'ceph.conf', cephConf], hostPaths: [3] },
          { kind: 'command', argv: ['rm', '-rf', cephConf.slice(0, cephConf.lastIndexOf('/'))], hostPaths: [2] },
        ] as Effect[])
      : []),
    ...secrets.map((path): Effect => ({ kind: 'delete-file', path })),
    ...(secrets.some((p) => p.startsWith(`${CA_DIR}/`)) ? [{ kind: 'command', argv: ['update-ca-certificates', '--fresh'] } as Effect] : []),
    ...nrpe,
  ];
}
