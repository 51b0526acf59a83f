/**
 * reconcile: the one pass most hooks make. Snapshot in, Plan out, pure. The effects come in the
 * fixed order apply() carries them out: a refused policy override logged, files, the one-time DB
 * sync, service restarts and starts, relation data, ports, unit memory, version, status, and a
 * hook failure last when a rule says the hook must fail.
 */
import { API_PORT } from '../base/ports.js';
import { brokerRequest } from '../ceph/broker-request.js';
import { planCephHost } from '../ceph/host-effects.js';
import { alwaysSetsStatus, haRuleFailure } from '../ha/fail.js';
import type { Decision } from '../model/decide.js';
import { unitServices, workloadConfigured } from '../model/services.js';
import { pickStatus } from '../model/status.js';
import { planPolicyd, policydPrefix, refusal } from '../policyd/plan.js';
import type { Effect, Plan } from '../plan.js';
import { cephMemory, requestHeld } from '../relations/ceph.js';
import type { TemplateSet } from '../render/templates.js';
import type { Snapshot, UnitMemory } from '../snapshot.js';
import { planApache } from '../tls/apache.js';
import { isTlsFilePath } from '../tls/paths.js';
import { DB_SYNC, dbAlreadyInitialised, planDbSync } from './db-sync.js';
import { planFiles } from './files.js';
import { nrpeFor } from './nrpe.js';
import { planPublish } from './publish.js';
import { planServices } from './services.js';


export interface ReconcileOptions {
  templates: TemplateSet;
  /** A step before this reconcile already set a progress status: set the final one again. */
  statusDirty?: boolean;
}

/** `d` is decide(snap), made once per snapshot by the routing layer (src/event.ts). */
export function reconcile(d: Decision, snap: Snapshot, opts: ReconcileOptions): Plan {
  const badConfig = d.configProblems.length > 0;
  // Nothing is configured before the packages are in: /etc/glance and the glance group come
  // with them (an update-status before install must not write files or fail on chown).
  const installed = snap.host.glanceCommonVersion !== null;
  const holdFiles = badConfig || !installed;
  const files = holdFiles ? { effects: [], rendered: [], changed: [] } : planFiles(d, snap, opts.templates);
  const dbSync = holdFiles ? [] : planDbSync(d, snap);
  const syncing = dbSync.includes(DB_SYNC);
  const paused = Boolean(snap.memory.paused || snap.memory.seriesUpgrading);
  const apache = holdFiles
    ? { effects: [], restart: [] }
    : planApache({ https: Boolean(d.model.https), paused, files: snap.host.files, changed: files.changed.map((f) => f.path) });
  // Nothing is rewritten from bad config, policy overrides included.
  const policyd = holdFiles ? undefined : planPolicyd(snap.policyd, d.config['use-policyd-override']);
  const refused = refusal(snap.policyd);
  const restartAlso = [...apache.restart, ...(policyd?.restart ? ['glance-api'] : [])];
  const services = holdFiles ? { effects: [], expected: [] } : planServices(d, snap, files.rendered, restartAlso);
  const nrpe = holdFiles ? [] : nrpeFor(d, snap);
  const cephHost = planCephHost({
    appName: d.readEnv.appName,
    related: d.readiness.ceph.state !== 'absent',
    host: snap.host,
    changed: files.changed,
  });
  // A rejected option stands at its default in d.config: publishing from it would tell remote
  // charms what the operator never asked for (keystone endpoints without the VIP, another region).
  const publish = planPublish(d, snap, snap.leader, badConfig);

  const ports = snap.memory.ports ?? [];
  const portEffects: Effect[] = ports.includes(API_PORT) ? [] : [{ kind: 'open-port', port: API_PORT }];

  const memory: UnitMemory = {
    ...snap.memory,
    statsPassword: d.model.haproxy.statsPassword,
    published: publish.published,
    ports: [...new Set([...ports, API_PORT])],
    dbInitialised: dbAlreadyInitialised(snap) || syncing || undefined,
    ...cephMemory(d.readiness.ceph, brokerRequest(d.config, d.readEnv.appName), requestHeld(d.config, d.configProblems), snap.memory),
    policyd: policyd ? policyd.state : snap.memory.policyd,
  };
  if (!holdFiles) {
    const certPaths = files.rendered.map((f) => f.path).filter(isTlsFilePath);
    memory.certPaths = certPaths.length ? certPaths : undefined;
  }

  const status = pickStatus({
    seriesUpgrading: Boolean(snap.memory.seriesUpgrading),
    paused: Boolean(snap.memory.paused),
    prefix: policydPrefix(d.config['use-policyd-override'], memory.policyd),
    runningWhilePaused: paused ? unitServices(d).filter((s) => snap.host.services[s] === true) : [],
    interfaces: d.interfaces,
    problems: d.problems,
    servicesDown: workloadConfigured(d)
      ? services.expected.filter((s) => snap.host.services[s] === false && !services.effects.some((e) => e.kind === 'service' && e.service === s))
      : [],
  });
  const version = snap.host.glanceCommonVersion?.replace(/^\d+:/, '').split('-')[0];
  const tail: Effect[] = [];
  if (version && version !== snap.memory.appVersion) {
    tail.push({ kind: 'app-version', version });
    memory.appVersion = version;
  }
  const statusDirty = opts.statusDirty || syncing || alwaysSetsStatus(snap.hook.name, d.readiness.ha.state !== 'absent');
  const last = snap.memory.lastStatus;
  if (statusDirty || last?.status !== status.status || last?.message !== status.message) {
    tail.push({ kind: 'status', ...status });
  }
  memory.lastStatus = status;

  const effects: Effect[] = [
    ...(refused ? [{ kind: 'log', level: 'WARNING', message: refused } as const] : []),
    ...cephHost.install,
    ...files.effects,
    ...cephHost.after,
    ...apache.effects,
    ...(policyd?.effects ?? []),
    ...dbSync,
    ...services.effects,
    ...nrpe,
    ...publish.effects,
    ...portEffects,
  ];
  if (JSON.stringify(memory) !== JSON.stringify(snap.memory)) effects.push({ kind: 'memory', memory });
  effects.push(...tail, ...haRuleFailure(snap.hook.name, d.problems));
  return { effects };
}
