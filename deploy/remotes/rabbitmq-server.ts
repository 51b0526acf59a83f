/**
 * The remote side of amqp (interface rabbitmq), acting on the real RabbitMQ as the
 * rabbitmq-server charm does: once a unit asks for `username` and `vhost`, create the vhost and
 * the user with a generated password and every permission on it, then answer `password`,
 * `hostname` and `private-address`. The address is the broker's loopback one: the simulated
 * units' addresses are not this machine's. The password is kept per user in the local state, so
 * a re-run hands out the same one.
 */
import { z } from 'zod';
import type { RemoteBehaviour } from '../../sim/remote.js';
import type { Databag } from '../../src/snapshot.js';
import { RABBIT_HOST, type RabbitAdmin } from '../rabbitmq.js';
import { secret } from '../state.js';
import { onEveryUnit } from './every-unit.js';

const Request = z.object({ username: z.string().min(1), vhost: z.string().min(1) });

/** The reply to our units' requests; undefined while none asked completely. */
export async function rabbitmqReply(rabbit: RabbitAdmin, requests: Readonly<Record<string, Databag>>): Promise<Databag | undefined> {
  const req = Object.values(requests)
    .map((bag) => Request.safeParse(bag))
    .find((r) => r.success)?.data;
  if (!req) return undefined;
  const password = await secret(`rabbitmq:${req.username}`);
  await rabbit.ensureAccount(req.username, req.vhost, password);
  return { hostname: RABBIT_HOST, 'private-address': RABBIT_HOST, password };
}

/** The simulated rabbitmq-server application: the same answer from each of its units. */
export function rabbitmqServer(rabbit: RabbitAdmin): RemoteBehaviour {
  return {
    onChange: async (view) => {
      const reply = await rabbitmqReply(rabbit, view.units);
      return onEveryUnit(view, reply);
    },
  };
}
