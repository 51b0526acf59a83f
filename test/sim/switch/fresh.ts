/**
 * The deployment a recording describes, made from scratch with this charm on the recorded unit
 * alone: the same config, addresses, leadership and remote data. What its unit publishes is what
 * a switched unit must end with ("every bag ends as a fresh deployment would leave it"). Peers
 * only add their own bags, and the leader of a non-leader's recording exists only as a name, as
 * in the recording itself.
 */
import type { Sim } from '../../../sim/engine.js';
import { type RecordedState, recordedModel } from '../../../sim/recording.js';
import type { Databag } from '../../../sim/state.js';
import { newInProcessSim } from '../in-process.js';

/** The unit's bag per endpoint, and with `app` the peer relation's application bag (the leader's to write). */
export function bagsByEndpoint(sim: Sim, unit: string, app: boolean): Record<string, Databag> {
  const out: Record<string, Databag> = {};
  for (const r of sim.state.relations) {
    out[r.endpoint] = r.localUnits[unit] ?? {};
    if (r.peer && app) out[`${r.endpoint} (app)`] = r.localAppData;
  }
  return out;
}

/** In this process: what is compared is the data the charm publishes, not how it is started. */
export async function freshDeployment(s: RecordedState): Promise<Sim> {
  const sim = newInProcessSim();
  const recorded = recordedModel(s, '/');
  const shape = recorded.units[s.unit];
  if (!shape) throw new Error('recording without its unit');
  const config = Object.fromEntries(Object.entries(s.config).filter((e): e is [string, string | number | boolean] => e[1] !== null));
  sim.state.leader = recorded.leader;
  await sim.deploy({
    config,
    prepare: (unit) => {
      Object.assign(unit, { networks: shape.networks, defaultNetwork: shape.defaultNetwork, privateAddress: shape.privateAddress });
      unit.host.interfaces = shape.host.interfaces;
    },
  });
  for (const r of s.relations.filter((x) => !x.peer)) {
    await sim.integrate(r.endpoint, r.remote_app, { units: r.units, appData: r.app_data, remoteEndpoint: r.remote_endpoint });
  }
  return sim;
}
