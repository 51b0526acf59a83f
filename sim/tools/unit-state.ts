/** state-get, state-set, state-delete: the unit's server-side key/value store (buffered writes). */
import { flagBool, flagString, parseArgs } from './args.js';
import { checkEmpty, runError, usageError } from './errors.js';
import { output, withOutput } from './output.js';
import { parseKeyValues, readSettings } from './settings.js';
import type { ToolHandler } from './types.js';

export const stateGet: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, withOutput({ bools: ['strict'] }));
  const [key, ...rest] = p.args;
  checkEmpty(rest);
  if (key === undefined) return { stdout: output(p, ctx.unitState) };
  const value = ctx.unitState[key];
  if (value === undefined && flagBool(p, 'strict')) throw runError(`${JSON.stringify(key)} not found`);
  return { stdout: output(p, value ?? '') };
};

export const stateSet: ToolHandler = async ({ argv, readStdin }) => {
  const p = parseArgs(argv, { values: ['file'] });
  const data = await readSettings(flagString(p, 'file'), parseKeyValues(p.args), readStdin);
  const set = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== ''));
  const deleted = Object.keys(data).filter((key) => data[key] === '');
  return {
    entries: [
      ...(Object.keys(set).length > 0 ? [{ k: 'state-set' as const, data: set }] : []),
      ...deleted.map((key) => ({ k: 'state-delete' as const, key })),
    ],
  };
};

export const stateDelete: ToolHandler = ({ argv }) => {
  const p = parseArgs(argv, {});
  const [key, ...rest] = p.args;
  if (key === undefined) throw usageError('specify a key');
  checkEmpty(rest);
  return { entries: [{ k: 'state-delete', key }] };
};
