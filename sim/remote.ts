/**
 * Remote charms played by the test: after our units commit data on a relation, the engine shows
 * the remote application what it would now see and applies whatever it answers, which fires
 * -changed hooks on our side until nothing changes (Sim.settle).
 */
import type { Databag } from './state.js';

/** What the remote application sees of us on one relation. */
export interface RemoteView {
  relationId: number;
  endpoint: string;
  /** Our application's name. */
  app: string;
  remoteApp: string;
  /** Our units' databags (Juju's own keys included). */
  units: Record<string, Databag>;
  /** Our application databag. */
  appData: Databag;
  /** The remote side's own data as it stands. */
  remoteUnits: Record<string, Databag>;
  remoteAppData: Databag;
}

/** New remote data: merged into the current bags ('' deletes a key, as with relation-set). */
export interface RemoteUpdate {
  units?: Record<string, Databag>;
  app?: Databag;
}

export interface RemoteBehaviour {
  onChange(seen: RemoteView): RemoteUpdate | undefined | Promise<RemoteUpdate | undefined>;
}
