/**
 * Pure folds shared by the tool and command calls and the engine: how a databag write merges, how a
 * fake command changes the machine, and what a unit sees mid-hook once its earlier calls are
 * taken into account (its own relation and state writes, statuses, leader data; not its port
 * changes, which opened-ports only shows once committed).
 */
import type { HostChange, JournalEntry, ToolContext } from './protocol.js';
import type { Databag, HostState } from './state.js';

/** Juju's databag update: keys merge, '' deletes. */
export function mergeBag(bag: Databag, data: Databag): Databag {
  const out = { ...bag };
  for (const [key, value] of Object.entries(data)) {
    if (value === '') delete out[key];
    else out[key] = value;
  }
  return out;
}

export function applyHostChange(host: HostState, change: HostChange): HostState {
  switch (change.k) {
    case 'install':
      return { ...host, packages: { ...host.packages, ...change.packages } };
    case 'remove': {
      const packages = { ...host.packages };
      for (const p of change.packages) delete packages[p];
      return { ...host, packages };
    }
    case 'service': {
      const current = host.services[change.name] ?? { running: false, enabled: false, masked: false };
      const { k: _, name, ...update } = change;
      return { ...host, services: { ...host.services, [name]: { ...current, ...update } } };
    }
    case 'failure-used':
      return {
        ...host,
        failures: host.failures.map((f) =>
          f.id === change.id && f.remaining !== null ? { ...f, remaining: Math.max(0, f.remaining - 1) } : f,
        ),
      };
  }
}

function withRelationWrite(ctx: ToolContext, relationId: number, app: boolean, data: Databag): ToolContext {
  return {
    ...ctx,
    relations: ctx.relations.map((r) => {
      if (r.id !== relationId) return r;
      if (app) return { ...r, localAppBag: mergeBag(r.localAppBag, data) };
      return { ...r, unitBags: { ...r.unitBags, [ctx.unit]: mergeBag(r.unitBags[ctx.unit] ?? {}, data) } };
    }),
  };
}

function applyEntry(ctx: ToolContext, e: JournalEntry): ToolContext {
  switch (e.k) {
    case 'relation-set':
      return withRelationWrite(ctx, e.relationId, e.app, e.data);
    case 'state-set':
      return { ...ctx, unitState: { ...ctx.unitState, ...e.data } };
    case 'state-delete': {
      const unitState = { ...ctx.unitState };
      delete unitState[e.key];
      return { ...ctx, unitState };
    }
    case 'status':
      if (e.app) return { ...ctx, appStatus: e.status };
      return { ...ctx, unitStatus: e.status, unitStatuses: { ...ctx.unitStatuses, [ctx.unit]: e.status } };
    case 'version':
      return { ...ctx, workloadVersion: e.version };
    case 'leader-set':
      return { ...ctx, leaderData: mergeBag(ctx.leaderData, e.data) };
    case 'host':
      return { ...ctx, host: applyHostChange(ctx.host, e.change) };
    default:
      return ctx;
  }
}

export function viewAfter(ctx: ToolContext, entries: readonly JournalEntry[]): ToolContext {
  return entries.reduce(applyEntry, ctx);
}
