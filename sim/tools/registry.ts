/** Hook tool name → handler. The engine links the hook tool shim under each of these names. */
import { actionFail, actionGet, actionLog, actionSet } from './action.js';
import { configGet, goalState, isLeader, leaderGet, leaderSet, resourceGet, unitGet } from './model.js';
import { networkGet } from './network.js';
import { closePort, openPort, openedPorts } from './ports.js';
import { relationGet, relationIds, relationList, relationSet } from './relation.js';
import { applicationVersionSet, jujuLog, statusGet, statusSet } from './status.js';
import type { ToolHandler } from './types.js';
import { stateDelete, stateGet, stateSet } from './unit-state.js';

export const HOOK_TOOLS: Readonly<Record<string, ToolHandler>> = {
  'action-fail': actionFail,
  'action-get': actionGet,
  'action-log': actionLog,
  'action-set': actionSet,
  'application-version-set': applicationVersionSet,
  'close-port': closePort,
  'config-get': configGet,
  'goal-state': goalState,
  'is-leader': isLeader,
  'juju-log': jujuLog,
  'leader-get': leaderGet,
  'leader-set': leaderSet,
  'network-get': networkGet,
  'open-port': openPort,
  'opened-ports': openedPorts,
  'relation-get': relationGet,
  'relation-ids': relationIds,
  'relation-list': relationList,
  'relation-set': relationSet,
  'resource-get': resourceGet,
  'state-delete': stateDelete,
  'state-get': stateGet,
  'state-set': stateSet,
  'status-get': statusGet,
  'status-set': statusSet,
  'unit-get': unitGet,
};
