/**
 * Service control that works with and without systemd: systemctl when the host was booted with
 * systemd (`/run/systemd/system` exists, the sd_booted test), else the SysV `service` wrapper and
 * `update-rc.d` (containers and the real-service tests here run without systemd).
 */
import { stat } from 'node:fs/promises';
import type { Effect } from '../plan.js';
import { rooted } from './paths.js';
import { runCommand, tryCommand } from './run.js';

export type ServiceAction = Extract<Effect, { kind: 'service' }>['action'];

export async function hostRunsSystemd(): Promise<boolean> {
  try {
    return (await stat(rooted('/run/systemd/system'))).isDirectory();
  } catch {
    return false;
  }
}

/** Without systemd there is no masking; disabling the init script is the nearest thing. */
const SYSV: Record<ServiceAction, (name: string) => string[]> = {
  start: (name) => ['service', name, 'start'],
  stop: (name) => ['service', name, 'stop'],
  restart: (name) => ['service', name, 'restart'],
  reload: (name) => ['service', name, 'reload'],
  enable: (name) => ['update-rc.d', name, 'enable'],
  disable: (name) => ['update-rc.d', name, 'disable'],
  mask: (name) => ['update-rc.d', name, 'disable'],
  unmask: (name) => ['update-rc.d', name, 'enable'],
};

async function serviceCommand(action: ServiceAction, name: string): Promise<string[]> {
  return (await hostRunsSystemd()) ? ['systemctl', action, name] : SYSV[action](name);
}

export async function serviceControl(action: ServiceAction, name: string): Promise<void> {
  await runCommand(await serviceCommand(action, name));
}

export async function serviceRunning(name: string): Promise<boolean> {
  const argv = (await hostRunsSystemd()) ? ['systemctl', 'is-active', '--quiet', name] : ['service', name, 'status'];
  return (await tryCommand(argv)).exitCode === 0;
}
