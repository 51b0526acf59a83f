import type { RemoteUpdate, RemoteView } from '../../sim/remote.js';
import type { Databag } from '../../sim/state.js';

/** The same reply on every remote unit, as a single-unit (or clustered) remote application writes it. */
export const onEveryUnit = (view: RemoteView, reply: Databag | undefined): RemoteUpdate | undefined =>
  reply && { units: Object.fromEntries(Object.keys(view.remoteUnits).map((u) => [u, reply])) };
