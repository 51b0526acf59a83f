/**
 * The host operations a plan can ask for, as one object so that apply() can be run against a
 * recording stand-in; `hostOps` is the real thing (src/host/).
 */
import { aptInstall, aptPurge, aptUpdate } from '../host/apt.js';
import { deleteFile, mkdirOwned, writeFileAtomic } from '../host/files.js';
import { type CommandOptions, runCommand } from '../host/run.js';
import { type ServiceAction, serviceControl } from '../host/services.js';
import type { FileOwner } from '../plan.js';

export interface HostOps {
  aptUpdate(): Promise<void>;
  aptInstall(packages: readonly string[]): Promise<void>;
  aptPurge(packages: readonly string[]): Promise<void>;
  writeFileAtomic(path: string, content: string, owner: FileOwner): Promise<void>;
  deleteFile(path: string): Promise<void>;
  mkdirOwned(path: string, owner: FileOwner): Promise<void>;
  runCommand(argv: readonly string[], opts: CommandOptions): Promise<unknown>;
  serviceControl(action: ServiceAction, name: string): Promise<void>;
}

export const hostOps: HostOps = {
  aptUpdate,
  aptInstall,
  aptPurge,
  writeFileAtomic,
  deleteFile,
  mkdirOwned,
  runCommand,
  serviceControl,
};
