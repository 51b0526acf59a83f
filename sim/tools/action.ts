/** action-get, action-set, action-fail, action-log: only inside an action, all immediate. */
import type { ActionValue, ToolContext } from '../protocol.js';
import { parseArgs } from './args.js';
import { checkEmpty, runError, usageError } from './errors.js';
import { output, withOutput } from './output.js';
import type { ToolHandler } from './types.js';

function actionParams(ctx: ToolContext): Record<string, unknown> {
  if (ctx.hook.kind !== 'action' || !ctx.actionParams) throw runError('not running an action');
  return ctx.actionParams;
}

export const actionGet: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, withOutput({}));
  const params = actionParams(ctx);
  const [key, ...rest] = p.args;
  checkEmpty(rest);
  if (key === undefined) return { stdout: output(p, params) };
  let value: unknown = params;
  for (const part of key.split('.')) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  return { stdout: output(p, value ?? null) };
};

const KEY_PART = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const RESERVED = new Set(['stdout', 'stdout-encoding', 'stderr', 'stderr-encoding']);

/** `a.b.c=v` builds nested maps; values stay strings. */
function setPath(into: Record<string, ActionValue>, path: string[], value: string): void {
  const [head, ...tail] = path as [string, ...string[]];
  if (tail.length === 0) {
    into[head] = value;
    return;
  }
  const next = into[head];
  const child: Record<string, ActionValue> = typeof next === 'object' ? next : {};
  into[head] = child;
  setPath(child, tail, value);
}

export const actionSet: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, {});
  actionParams(ctx);
  if (p.args.length === 0) throw usageError('no key=value pairs specified');
  const data: Record<string, ActionValue> = {};
  for (const arg of p.args) {
    const eq = arg.indexOf('=');
    if (eq < 1) throw usageError(`argument ${JSON.stringify(arg)} must be of the form key...=value`);
    const path = arg.slice(0, eq).split('.');
    for (const part of path) {
      if (!KEY_PART.test(part)) {
        throw usageError(
          `key ${JSON.stringify(part)} must start and end with lowercase alphanumeric, and contain only lowercase alphanumeric and hyphens`,
        );
      }
    }
    if (RESERVED.has(path[0] as string)) throw usageError(`cannot set reserved action key "${path[0]}"`);
    setPath(data, path, arg.slice(eq + 1));
  }
  return { entries: [{ k: 'action-set', data }] };
};

export const actionFail: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, {});
  actionParams(ctx);
  const [message = 'action failed without reason given, check action for errors', ...rest] = p.args;
  checkEmpty(rest);
  return { entries: [{ k: 'action-fail', message }] };
};

export const actionLog: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, {});
  actionParams(ctx);
  if (p.args.length === 0) throw usageError('no message specified');
  return { entries: [{ k: 'action-log', message: p.args.join(' ') }] };
};
