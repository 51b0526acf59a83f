/** status-set, status-get, application-version-set, juju-log: all immediate (not transactional). */
import type { LogLevel, Status } from '../state.js';
import { flagBool, flagString, parseArgs } from './args.js';
import { checkEmpty, runError, usageError } from './errors.js';
import { output, withOutput } from './output.js';
import type { ToolHandler } from './types.js';

const SETTABLE = ['maintenance', 'blocked', 'waiting', 'active'] as const;

export const statusSet: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, { bools: ['application'] });
  const [name, message = '', ...rest] = p.args;
  if (name === undefined) throw usageError('invalid args, require <status> [message]');
  if (!(SETTABLE as readonly string[]).includes(name)) {
    throw usageError(`invalid status ${JSON.stringify(name)}, expected one of [${SETTABLE.join(' ')}]`);
  }
  checkEmpty(rest);
  const app = flagBool(p, 'application');
  if (app && !ctx.leader) throw runError('this unit is not the leader');
  const status = { status: name, message } as Status;
  return { entries: [{ k: 'status', app, status }] };
};

const statusOut = (s: Status, includeData: boolean) =>
  includeData ? { status: s.status, message: s.message, 'status-data': {} } : { status: s.status };

export const statusGet: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, withOutput({ bools: ['include-data', 'application'] }));
  checkEmpty(p.args);
  const includeData = flagBool(p, 'include-data');
  if (!flagBool(p, 'application')) {
    const json = flagString(p, 'format') === 'json' || flagString(p, 'format') === 'yaml';
    return { stdout: output(p, json || includeData ? statusOut(ctx.unitStatus, includeData) : ctx.unitStatus.status) };
  }
  if (!ctx.leader) throw runError('finding application status: this unit is not the leader');
  const units = Object.fromEntries(Object.entries(ctx.unitStatuses).map(([u, s]) => [u, statusOut(s, includeData)]));
  return { stdout: output(p, { 'application-status': { ...statusOut(ctx.appStatus, includeData), units } }) };
};

export const applicationVersionSet: ToolHandler = ({ argv }) => {
  const p = parseArgs(argv, {});
  const [version, ...rest] = p.args;
  if (version === undefined) throw usageError('no version specified');
  checkEmpty(rest);
  return { entries: [{ k: 'version', version }] };
};

/** loggo's level names; an unknown one is logged at INFO after a warning, as juju-log does. */
const LEVELS: Readonly<Record<string, LogLevel>> = {
  TRACE: 'TRACE',
  DEBUG: 'DEBUG',
  INFO: 'INFO',
  WARN: 'WARNING',
  WARNING: 'WARNING',
  ERROR: 'ERROR',
  CRITICAL: 'ERROR',
};

export const jujuLog: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, { bools: ['debug'], values: ['log-level', 'format'], aliases: { l: 'log-level' } });
  if (p.args.length === 0) throw usageError('no message specified');
  const relation = ctx.relations.find((r) => r.id === ctx.hook.relationId);
  const prefix = relation ? `${relation.endpoint}:${relation.id}: ` : '';
  const message = `${prefix}${p.args.join(' ')}`;
  const asked = (flagString(p, 'log-level') ?? 'INFO').toUpperCase();
  if (flagBool(p, 'debug')) return { entries: [{ k: 'log', level: 'DEBUG', message }] };
  const level = LEVELS[asked];
  if (level) return { entries: [{ k: 'log', level, message }] };
  return {
    entries: [
      { k: 'log', level: 'WARNING', message: `Specified log level of ${JSON.stringify(asked)} is not valid` },
      { k: 'log', level: 'INFO', message },
    ],
  };
};
