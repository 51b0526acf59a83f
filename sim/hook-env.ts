/**
 * The environment of a hook process, built from scratch as Juju builds it (context.go HookVars,
 * env.go; reference/juju-runtime.md §1.3): no HOME or USER, relation variables only in relation
 * hooks (JUJU_REMOTE_UNIT present but empty for -created and -broken), action variables only in
 * actions, plus CHARM_FS_ROOT for the simulated host and PATH = tools : fakes : system, where a
 * simulated unit's system part holds no node (unit-path.ts) and a real host's is the system's own.
 */
import type { HookInfo } from './protocol.js';
import { SYSTEM_PATH, unitSystemBin } from './unit-path.js';

export const JUJU_VERSION = '3.6.4';

export interface HookEnvInput {
  unit: string;
  machineId: string;
  model: { name: string; uuid: string };
  hook: HookInfo;
  charmDir: string;
  hookDir: string;
  contextId: string;
  toolsDir: string;
  /** Absent in real mode: the host's own commands run. */
  fakesDir?: string;
  fsRoot: string;
  relationName?: string;
  actionId?: string;
  /** Model-level extras such as JUJU_CHARM_HTTP_PROXY. */
  extra?: Record<string, string>;
}

export function hookEnv(i: HookEnvInput): Record<string, string> {
  const { hook } = i;
  const isAction = hook.kind === 'action';
  const env: Record<string, string> = {
    CHARM_DIR: i.charmDir,
    JUJU_CHARM_DIR: i.charmDir,
    JUJU_CONTEXT_ID: i.contextId,
    JUJU_HOOK_NAME: isAction ? '' : hook.name,
    JUJU_DISPATCH_PATH: `${isAction ? 'actions' : 'hooks'}/${hook.name}`,
    JUJU_AGENT_SOCKET_ADDRESS: i.hookDir,
    JUJU_AGENT_SOCKET_NETWORK: 'unix',
    JUJU_UNIT_NAME: i.unit,
    JUJU_MODEL_UUID: i.model.uuid,
    JUJU_MODEL_NAME: i.model.name,
    JUJU_API_ADDRESSES: '10.0.0.1:17070',
    JUJU_MACHINE_ID: i.machineId,
    JUJU_PRINCIPAL_UNIT: '',
    JUJU_AVAILABILITY_ZONE: '',
    JUJU_VERSION,
    CLOUD_API_VERSION: '',
    JUJU_CHARM_HTTP_PROXY: '',
    JUJU_CHARM_HTTPS_PROXY: '',
    JUJU_CHARM_FTP_PROXY: '',
    JUJU_CHARM_NO_PROXY: '',
    APT_LISTCHANGES_FRONTEND: 'none',
    DEBIAN_FRONTEND: 'noninteractive',
    LANG: 'C.UTF-8',
    TERM: 'tmux-256color',
    CHARM_FS_ROOT: i.fsRoot,
    PATH: [i.toolsDir, ...(i.fakesDir ? [i.fakesDir, unitSystemBin()] : SYSTEM_PATH)].join(':'),
    ...i.extra,
  };
  if (hook.relationId !== undefined && i.relationName !== undefined) {
    env.JUJU_RELATION = i.relationName;
    env.JUJU_RELATION_ID = `${i.relationName}:${hook.relationId}`;
    env.JUJU_REMOTE_UNIT = hook.remoteUnit ?? '';
    env.JUJU_REMOTE_APP = hook.remoteApp ?? '';
    if (hook.departingUnit !== undefined) env.JUJU_DEPARTING_UNIT = hook.departingUnit;
  }
  if (isAction && i.actionId) {
    env.JUJU_ACTION_NAME = hook.name;
    env.JUJU_ACTION_UUID = i.actionId;
    env.JUJU_ACTION_TAG = `action-${i.actionId}`;
  }
  return env;
}
