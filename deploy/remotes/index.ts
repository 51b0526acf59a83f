/**
 * The remote charms of a local deployment, as simulator behaviours: each sees what our units
 * published and answers with what the real charm would, after acting on the real services.
 */
import type { RemoteBehaviour } from '../../sim/remote.js';
import type { AdminCredentials } from '../keystone-host.js';
import type { Say } from '../progress.js';
import { keystoneReply } from './keystone.js';
import { mysqlReply } from './mysql.js';
import { type ImageServiceSeen, recordImageService } from './nova-cloud-controller.js';

import { onEveryUnit } from './every-unit.js';

export interface RemoteCharms {
  behaviours: Record<string, RemoteBehaviour>;
  /** What nova-cloud-controller last saw on image-service. */
  imageService: ImageServiceSeen;
}

export function remoteCharms(admin: AdminCredentials, say: Say): RemoteCharms {
  const charms: RemoteCharms = {
    imageService: { servers: {}, ready: {} },
    behaviours: {
      mysql: { onChange: async (view) => onEveryUnit(view, await mysqlReply(view.units)) },
      keystone: {
        // A keystone charm that cannot reach Keystone fails its hook and Juju retries it later;
        // here it answers nothing until asked again (Sim.askRemote) once Keystone is back.
        onChange: async (view) => {
          try {
            return onEveryUnit(view, await keystoneReply(admin, view.units));
          } catch (e) {
            say(`    keystone (simulated): cannot register glance yet: ${e instanceof Error ? e.message : String(e)}`);
            return undefined;
          }
        },
      },
      'nova-cloud-controller': {
        onChange: (view) => {
          charms.imageService = recordImageService(view.units);
          return undefined;
        },
      },
    },
  };
  return charms;
}
