/**
 * The executables the charm finds on PATH: the simulator's bin/hook-tool and bin/fake-command
 * (bash shims, call-shim.ts, with the call server's port and the simulator's token baked in) and
 * each unit's tools/ and fakes/ dirs of symlinks to them, as Juju's tools dir holds symlinks to jujuc.
 */
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { shimScript } from './call-shim.js';
import { CallKind } from './call-wire.js';
import { FAKE_COMMANDS } from './fakes/registry.js';
import { HOOK_TOOLS } from './tools/registry.js';

const SHIM_FILE: Record<CallKind, string> = { tool: 'hook-tool', fake: 'fake-command' };

/** Replaced by rename: bash reads a script as it runs, and a shim of an earlier simulator on the same dir may still be running. */
export function writeShims(binDir: string, port: number, token: string): void {
  mkdirSync(binDir, { recursive: true });
  for (const kind of CallKind.options) {
    const path = join(binDir, SHIM_FILE[kind]);
    writeFileSync(`${path}.new`, shimScript(kind, port, token), { mode: 0o755 });
    renameSync(`${path}.new`, path);
  }
}

function linkAll(dir: string, target: string, names: readonly string[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of names) symlinkSync(relative(dir, target), join(dir, name));
}

export function linkHookTools(dir: string, binDir: string): void {
  linkAll(dir, join(binDir, SHIM_FILE.tool), Object.keys(HOOK_TOOLS));
}

export function linkFakeCommands(dir: string, binDir: string): void {
  linkAll(dir, join(binDir, SHIM_FILE.fake), Object.keys(FAKE_COMMANDS));
}
