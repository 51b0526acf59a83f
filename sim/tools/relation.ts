/**
 * relation-ids, relation-list, relation-get, relation-set (reference/juju-runtime.md §2.2).
 * `-r` defaults to the hook's relation and is checked while parsing, so a bad id is exit 2.
 */
import type { RelationView, ToolContext } from '../protocol.js';
import type { Databag } from '../state.js';
import { flagBool, flagString, parseArgs } from './args.js';
import { checkEmpty, runError, usageError } from './errors.js';
import { output, withOutput } from './output.js';
import { parseKeyValues, readSettings } from './settings.js';
import type { ToolHandler } from './types.js';

const RELATION_FLAG = { values: ['r'], aliases: { relation: 'r' } };

const UNIT_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*\/\d+$/;
const APP_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*$/;

/** The relation named by `-r` (or the hook's own); undefined when there is none. */
function relationFromFlag(ctx: ToolContext, value: string | undefined, spelled = '-r'): RelationView | undefined {
  if (value === undefined) return ctx.relations.find((r) => r.id === ctx.hook.relationId);
  const id = Number(value.slice(value.lastIndexOf(':') + 1));
  const invalid = (why: string) => usageError(`invalid value ${JSON.stringify(value)} for flag ${spelled}: ${why}`);
  if (!Number.isInteger(id) || value.slice(value.lastIndexOf(':') + 1) === '') throw invalid('invalid relation id');
  const relation = ctx.relations.find((r) => r.id === id);
  if (!relation) throw invalid('relation not found');
  return relation;
}

export function requireRelation(ctx: ToolContext, value: string | undefined): RelationView {
  const relation = relationFromFlag(ctx, value);
  if (!relation) throw usageError('no relation id specified');
  return relation;
}

export const relationIds: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, withOutput({}));
  const hookRelation = ctx.relations.find((r) => r.id === ctx.hook.relationId);
  const endpoint = p.args[0] ?? hookRelation?.endpoint;
  if (endpoint === undefined) throw usageError('no endpoint name specified');
  checkEmpty(p.args.slice(1));
  const ids = ctx.relations
    .filter((r) => r.endpoint === endpoint && !r.broken)
    .sort((a, b) => a.id - b.id)
    .map((r) => `${r.endpoint}:${r.id}`);
  return { stdout: output(p, ids) };
};

export const relationList: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, withOutput({ ...RELATION_FLAG, bools: ['app'] }));
  const relation = requireRelation(ctx, flagString(p, 'r'));
  checkEmpty(p.args);
  if (flagBool(p, 'app')) return { stdout: output(p, relation.remoteApp) };
  return { stdout: output(p, relation.broken ? [] : [...relation.members].sort()) };
};

interface Target {
  name: string;
  app: boolean;
}

/** relation-get's choice of whose settings to read (same rules as Juju's determineUnitOrAppName). */
function target(ctx: ToolContext, given: string | undefined, app: boolean): Target {
  if (given !== undefined) {
    if (app) return { name: UNIT_NAME.test(given) ? given.slice(0, given.indexOf('/')) : given, app };
    if (!UNIT_NAME.test(given)) {
      if (APP_NAME.test(given)) throw usageError(`expected unit name, got application name ${JSON.stringify(given)}`);
      throw usageError(`invalid unit name ${JSON.stringify(given)}`);
    }
    return { name: given, app };
  }
  if (app) {
    if (!ctx.hook.remoteApp) throw usageError('no unit or application specified');
    return { name: ctx.hook.remoteApp, app };
  }
  if (ctx.hook.remoteUnit) return { name: ctx.hook.remoteUnit, app: false };
  if (ctx.hook.remoteApp) return { name: ctx.hook.remoteApp, app: true };
  throw usageError('no unit or application specified');
}

function readBag(ctx: ToolContext, relation: RelationView, t: Target): Databag {
  if (!t.app) {
    const bag = relation.unitBags[t.name];
    if (bag) return bag;
    const name = JSON.stringify(t.name);
    throw runError(`cannot read settings for unit ${name} in relation ${JSON.stringify(relation.key)}: unit ${name}: settings not found`);
  }
  if (t.name === ctx.app) {
    if (ctx.leader || relation.peer) return relation.localAppBag;
    throw runError('permission denied');
  }
  if (t.name === relation.remoteApp) return relation.remoteAppBag;
  throw runError(`application ${JSON.stringify(t.name)} not found in relation ${JSON.stringify(relation.key)}`);
}

export const relationGet: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, withOutput({ ...RELATION_FLAG, bools: ['app'] }));
  const relation = requireRelation(ctx, flagString(p, 'r'));
  const [keyArg, unitArg, ...rest] = p.args;
  const key = keyArg === '-' ? '' : (keyArg ?? '');
  const t = target(ctx, unitArg, flagBool(p, 'app'));
  checkEmpty(rest);
  const bag = readBag(ctx, relation, t);
  return { stdout: output(p, key === '' ? bag : (bag[key] ?? null)) };
};

export const relationSet: ToolHandler = async ({ ctx, argv, readStdin }) => {
  const p = parseArgs(argv, { ...RELATION_FLAG, bools: ['app'], values: ['r', 'file', 'format'] });
  const relation = requireRelation(ctx, flagString(p, 'r'));
  const overrides = parseKeyValues(p.args);
  const data = await readSettings(flagString(p, 'file'), overrides, readStdin);
  const app = flagBool(p, 'app');
  if (app && !ctx.leader) throw runError('cannot write relation settings');
  const stderr = p.flags.has('format') ? '--format flag deprecated for command "relation-set"' : undefined;
  return { stderr, entries: [{ k: 'relation-set', relationId: relation.id, app, data }] };
};
