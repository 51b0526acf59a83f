/** network-get (reference/juju-runtime.md §6.1). */
import type { NetworkInfo } from '../state.js';
import { flagBool, flagString, parseArgs } from './args.js';
import { checkEmpty, runError, usageError } from './errors.js';
import { output, withOutput } from './output.js';
import { requireRelation } from './relation.js';
import type { ToolHandler } from './types.js';

const firstAddress = (info: NetworkInfo): string | undefined => info['bind-addresses'][0]?.addresses[0]?.value;

export const networkGet: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(
    argv,
    withOutput({
      bools: ['primary-address', 'bind-address', 'ingress-address', 'egress-subnets'],
      values: ['r'],
      aliases: { relation: 'r' },
    }),
  );
  if (flagString(p, 'r') !== undefined) requireRelation(ctx, flagString(p, 'r'));
  const [binding, ...rest] = p.args;
  if (binding === undefined) throw usageError('no arguments specified');
  if (binding === '') throw usageError('no binding name specified');
  checkEmpty(rest);
  const info = ctx.bindings.includes(binding) ? (ctx.networks[binding] ?? ctx.defaultNetwork) : undefined;
  if (!info || info['bind-addresses'].length === 0) {
    throw runError(`no network config found for binding ${JSON.stringify(binding)}`);
  }
  const wanted = (['bind-address', 'ingress-address', 'egress-subnets'] as const).filter((f) => flagBool(p, f));
  const noAddress = () => runError(`no addresses attached to space for binding ${JSON.stringify(binding)}`);
  if (flagBool(p, 'primary-address')) {
    if (wanted.length > 0) throw runError('--primary-address must be the only flag specified');
    const address = firstAddress(info);
    if (address === undefined) throw noAddress();
    return { stdout: output(p, address) };
  }
  if (wanted.length === 0) {
    const shown = Object.fromEntries(Object.entries(info).filter(([, v]) => (v as unknown[]).length > 0));
    return { stdout: output(p, shown) };
  }
  const values: Record<string, unknown> = {};
  for (const flag of wanted) {
    if (flag === 'egress-subnets') values[flag] = info['egress-subnets'];
    else {
      const address = flag === 'ingress-address' ? (info['ingress-addresses'][0] ?? firstAddress(info)) : firstAddress(info);
      if (address === undefined) throw noAddress();
      values[flag] = address;
    }
  }
  return { stdout: output(p, wanted.length === 1 ? values[wanted[0] as string] : values) };
};
