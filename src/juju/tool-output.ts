/**
 * The JSON the hook tools print with `--format=json` (reference/juju-runtime.md §2.2), as zod
 * schemas. Juju prints `null` for an empty answer on some versions, so the collection shapes
 * accept null and read it as empty.
 */
import { z } from 'zod';
import { Databag, type Network } from '../snapshot.js';

const orEmpty = <T extends z.ZodTypeAny>(schema: T, empty: z.infer<T>) =>
  schema.nullable().transform((v): z.infer<T> => v ?? empty);

export const ConfigOutput = orEmpty(z.record(z.string(), z.unknown()), {});
export const BoolOutput = z.boolean();
export const StringOutput = z.string();
export const StringListOutput = orEmpty(z.array(z.string()), []);
/** `relation-list --app` prints the remote application name, or nothing when unknown. */
export const AppNameOutput = orEmpty(z.string(), '');
export const DatabagOutput = orEmpty(Databag, {});

const GoalEntry = z.object({ status: z.string(), since: z.string().optional() });
export const GoalStateOutput = z.object({
  units: orEmpty(z.record(z.string(), GoalEntry), {}).default({}),
  /** endpoint → remote application or unit → status */
  relations: orEmpty(z.record(z.string(), z.record(z.string(), GoalEntry)), {}).default({}),
});
export type GoalState = z.infer<typeof GoalStateOutput>;

/** Juju < 2.9 printed `address` where newer agents print `value` (ops reads both). */
const NetworkAddress = z.object({
  value: z.string().optional(),
  address: z.string().optional(),
  cidr: z.string().default(''),
});
export const NetworkGetOutput = z
  .object({
    'bind-addresses': orEmpty(
      z.array(
        z.object({
          'interface-name': z.string().default(''),
          addresses: orEmpty(z.array(NetworkAddress), []).default([]),
        }),
      ),
      [],
    ).default([]),
    'ingress-addresses': orEmpty(z.array(z.string()), []).default([]),
  })
  .transform(
    (o): Network => ({
      bindAddresses: o['bind-addresses'].flatMap((nic) =>
        nic.addresses.flatMap((a) => {
          const address = a.value ?? a.address;
          return address ? [{ interfaceName: nic['interface-name'], address, cidr: a.cidr }] : [];
        }),
      ),
      ingressAddresses: o['ingress-addresses'],
    }),
  );

export const ActionParamsOutput = orEmpty(z.record(z.string(), z.unknown()), {});
