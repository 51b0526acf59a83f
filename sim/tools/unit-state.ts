/** state-get, state-set, state-delete: the unit's server-side key/value store (buffered writes). */
import { flagBool, flagString, parseArgs } from './args.js';
import { checkEmpty, runError, usageError } from './errors.js';
import { output, withOutput } from './output.js';
import { parseKeyValues, readSettings } from './settings.js';
import type { ToolHandler } from './types.js';

/**
 * Juju's fixed quota on one unit-state entry (juju/juju core/quota/fixed_limits.go:
 * MaxCharmStateKeySize = 256, MaxCharmStateValueSize = 64 * 1024), checked by state-set for
 * each key before anything is buffered (worker/uniter/runner/context/context.go SetCharmStateValue →
 * quota.CheckTupleSize in core/quota/kv.go, which measures Go string length: UTF-8 bytes).
 */
export const MAX_STATE_KEY_BYTES = 256;
export const MAX_STATE_VALUE_BYTES = 64 * 1024;

/** The error text of Juju 3.x's CheckTupleSize (juju/errors v1 leaves "quota limit exceeded" out of it). */
function checkQuota(data: Record<string, string>): void {
  for (const [key, value] of Object.entries(data)) {
    if (Buffer.byteLength(key) > MAX_STATE_KEY_BYTES) throw runError(`max allowed key length (${MAX_STATE_KEY_BYTES}) exceeded`);
    if (Buffer.byteLength(value) > MAX_STATE_VALUE_BYTES) throw runError(`max allowed value length (${MAX_STATE_VALUE_BYTES}) exceeded`);
  }
}

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
  checkQuota(data);
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
