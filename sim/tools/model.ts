/** config-get, is-leader, leader-get, leader-set, unit-get, goal-state, resource-get. */
import { flagBool, parseArgs } from './args.js';
import { checkEmpty, runError, usageError } from './errors.js';
import { output, withOutput } from './output.js';
import { parseKeyValues } from './settings.js';
import type { ToolHandler } from './types.js';

export const configGet: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, withOutput({ bools: ['all'], aliases: { a: 'all' } }));
  const [key, ...rest] = p.args;
  if (key !== undefined && key !== '' && flagBool(p, 'all')) {
    throw usageError(`cannot use argument --all together with key ${JSON.stringify(key)}`);
  }
  checkEmpty(rest);
  if (key) return { stdout: output(p, ctx.config[key] ?? null) };
  const all = flagBool(p, 'all');
  return { stdout: output(p, Object.fromEntries(Object.entries(ctx.config).filter(([, v]) => all || v !== null))) };
};

export const isLeader: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, withOutput({}));
  checkEmpty(p.args);
  return { stdout: output(p, ctx.leader) };
};

export const leaderGet: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, withOutput({}));
  const [key = '-', ...rest] = p.args;
  checkEmpty(rest);
  return { stdout: output(p, key === '-' ? ctx.leaderData : (ctx.leaderData[key] ?? null)) };
};

export const leaderSet: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, {});
  const data = parseKeyValues(p.args);
  if (!ctx.leader) throw runError('cannot write leadership settings: cannot write settings: not the leader');
  return { entries: [{ k: 'leader-set', data }] };
};

export const unitGet: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, withOutput({}));
  const [key, ...rest] = p.args;
  if (key === undefined) throw usageError('no setting specified');
  if (key !== 'private-address' && key !== 'public-address') throw usageError(`unknown setting ${JSON.stringify(key)}`);
  checkEmpty(rest);
  return { stdout: output(p, key === 'private-address' ? ctx.privateAddress : ctx.publicAddress) };
};

export const goalState: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, withOutput({}));
  checkEmpty(p.args);
  return { stdout: output(p, ctx.goalState, ['yaml', 'json'], 'yaml') };
};

export const resourceGet: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, {});
  const [name, ...rest] = p.args;
  if (name === undefined) throw usageError('missing required resource name');
  checkEmpty(rest);
  const path = ctx.resources[name];
  if (path === undefined) throw runError(`could not download resource: resource ${JSON.stringify(name)} not found`);
  return { stdout: `${path}\n` };
};
