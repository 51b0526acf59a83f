/**
 * Leaving the machine (Juju runs stop, then remove, once every relation is broken): stop stops
 * the services this unit manages; remove takes away what the charm itself put on the host and
 * no package owns: what each relation handed over and undoes at teardown (the cephx keyring,
 * the charm's ceph.conf and its alternative, the secrets), TLS certificates, and the NRPE
 * checks. Neither hook reconciles afterwards: that would start and rewrite it all again.
 */
import type { Decision } from '../model/decide.js';
import { unitServices } from '../model/services.js';
import { planNrpe } from '../nrpe/plan.js';
import type { Effect } from '../plan.js';
import { relationPaths, teardownEffects } from '../relations/index.js';
import type { Snapshot } from '../snapshot.js';
import { CA_DIR } from '../tls/paths.js';

export function stopEffects(d: Decision, snap: Snapshot): Effect[] {
  if (snap.host.glanceCommonVersion === null) return [];
  return unitServices(d).map((service): Effect => ({ kind: 'service', action: 'stop', service }));
}

const exists = (snap: Snapshot, path: string): boolean => (snap.host.files[path] ?? null) !== null;

export function removeEffects(snap: Snapshot): Effect[] {
  const app = snap.hook.appName;
  const certs = snap.memory.certPaths ?? [];
  const secrets = [...relationPaths(app), ...certs].filter((p) => exists(snap, p));
  return [
    ...teardownEffects(app, snap.host.files),
    ...secrets.map((path): Effect => ({ kind: 'delete-file', path })),
    ...(secrets.some((p) => p.startsWith(`${CA_DIR}/`)) ? [{ kind: 'command', argv: ['update-ca-certificates', '--fresh'] } as Effect] : []),
    // Relations are all broken by now: every check of ours goes.
    ...planNrpe({ appName: app, host: snap.nrpe }),
  ];
}
