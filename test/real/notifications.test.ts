/**
 * `juju integrate glance rabbitmq-server` on the running deployment, against a real RabbitMQ:
 * glance gets the user and vhost it asked for, and an image upload through the real Glance
 * publishes an `image.upload` notification that a consumer (Ceilometer's place) reads from the
 * `notifications.info` queue. The queue is read through RabbitMQ's management API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Deployment, integrateWith } from '../../deploy/deployment.js';
import type { AdminCredentials } from '../../deploy/keystone-host.js';
import { type Message, type RabbitAdmin, rabbitmqUp } from '../../deploy/rabbitmq.js';
import { rabbitmqServer } from '../../deploy/remotes/rabbitmq-server.js';
import { waitFor } from '../../deploy/sysv.js';
import { glanceAsAdmin, glanceServing, say, sharedDeployment } from './fixture.js';

/** The charm's defaults for rabbit-user and rabbit-vhost. */
const USER = 'glance';
const VHOST = 'openstack';
/** Where oslo.messaging's messagingv2 driver puts INFO notifications. */
const QUEUE = 'notifications.info';

let admin: AdminCredentials;
let d: Deployment;
let rabbit: RabbitAdmin;

beforeAll(async () => {
  ({ admin, d } = await sharedDeployment({ fresh: false }));
  rabbit = await rabbitmqUp(say);
  d.sim.remote('rabbitmq-server', rabbitmqServer(rabbit));
  // A run that died before its cleanup left the relation: start from glance without messaging.
  for (const leftover of d.sim.relations('amqp')) await d.sim.removeRelation(leftover.id);
  await glanceServing();
});

afterAll(async () => {
  for (const rel of d.sim.relations('amqp')) await d.sim.removeRelation(rel.id);
  await glanceServing();
});

/** oslo.messaging's envelope: the notification itself is JSON inside the JSON body. */
const Envelope = z.object({ 'oslo.message': z.string() });
const Notification = z.object({ event_type: z.string(), publisher_id: z.string(), payload: z.object({ id: z.string() }).passthrough() });
type Notification = z.infer<typeof Notification>;

function notificationsIn(messages: readonly Message[]): Notification[] {
  return messages.flatMap((m) => {
    const envelope = Envelope.safeParse(JSON.parse(m.payload));
    const n = envelope.success ? Notification.safeParse(JSON.parse(envelope.data['oslo.message'])) : undefined;
    return n?.success ? [n.data] : [];
  });
}

describe('glance related to rabbitmq-server, on a real RabbitMQ', () => {
  it('gets its own user with every permission on its vhost, and points its notifications there', async () => {
    await integrateWith(d.sim, say, 'amqp', 'rabbitmq-server');
    expect(d.sim.status(d.unit)).toMatchObject({ status: 'active', message: 'Unit is ready', hookError: null });
    expect(await rabbit.permissions(VHOST, USER)).toEqual({ configure: '.*', write: '.*', read: '.*' });

    const conf = d.sim.readFile(d.unit, '/etc/glance/glance-api.conf') ?? '';
    const section = conf.split(/^\[oslo_messaging_notifications\]$/m)[1]?.split(/^\[/m)[0] ?? '';
    expect(section).toMatch(/^driver = messagingv2$/m);
    expect(section).toMatch(new RegExp(`^transport_url = rabbit://${USER}:[^@]+@127\\.0\\.0\\.1:5672/${VHOST}$`, 'm'));
    await glanceServing();
  });

  it('publishes image.upload to notifications.info when an image is uploaded', async () => {
    await rabbit.take(VHOST, QUEUE);
    const glance = await glanceAsAdmin(admin);
    const image = await glance.create({ name: 'real-notified', disk_format: 'raw', container_format: 'bare' });
    await glance.upload(image.id, new Uint8Array(64 * 1024));

    const seen: Notification[] = [];
    const uploaded = () => seen.find((n) => n.event_type === 'image.upload' && n.payload.id === image.id);
    await waitFor(`image.upload for ${image.id} in ${QUEUE}`, async () => {
      seen.push(...notificationsIn(await rabbit.take(VHOST, QUEUE)));
      return uploaded() !== undefined;
    }, 60_000);
    expect(uploaded()?.publisher_id).toMatch(/^image\./);
    expect(uploaded()?.payload).toMatchObject({ id: image.id, status: 'active', size: 64 * 1024 });
    await glance.delete(image.id);
  });
});
