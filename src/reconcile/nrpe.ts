/** NRPE in one reconcile: this hook's decision as the inputs of the NRPE plan (src/nrpe/plan.ts). */
import type { Decision } from '../model/decide.js';
import { unitServices } from '../model/services.js';
import { planNrpe } from '../nrpe/plan.js';
import type { Effect } from '../plan.js';
import type { Snapshot } from '../snapshot.js';

export function nrpeFor(d: Decision, snap: Snapshot): Effect[] {
  const context = d.contexts['nrpe-external-master'];
  const { statsBind, statsPassword } = d.model.haproxy;
  return planNrpe({
    appName: d.readEnv.appName,
    host: snap.nrpe,
    wanted: context && { context, services: unitServices(d), statsBind, statsPassword },
  });
}
