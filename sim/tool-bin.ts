/**
 * The executables the charm finds on PATH: the hook tool and fake command processes, bundled
 * once per simulator with esbuild (node built-ins only, so each call starts fast), and each
 * unit's tools/ and fakes/ dirs of symlinks to them, as Juju's tools dir holds symlinks to jujuc.
 */
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { FAKE_COMMANDS } from './fakes/registry.js';
import { HOOK_TOOLS } from './tools/registry.js';

export interface ToolBundles {
  hookTool: string;
  fakeCommand: string;
}

export function buildToolBundles(binDir: string): ToolBundles {
  const source = (p: string) => fileURLToPath(new URL(p, import.meta.url));
  mkdirSync(binDir, { recursive: true });
  buildSync({
    entryPoints: { 'hook-tool': source('./tools/main.ts'), 'fake-command': source('./fakes/main.ts') },
    outdir: binDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    banner: { js: `#!${process.execPath}` },
    logLevel: 'error',
  });
  const bundles = { hookTool: join(binDir, 'hook-tool.mjs'), fakeCommand: join(binDir, 'fake-command.mjs') };
  for (const file of Object.values(bundles)) chmodSync(file, 0o755);
  return bundles;
}

function linkAll(dir: string, target: string, names: readonly string[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of names) symlinkSync(relative(dir, target), join(dir, name));
}

export function linkHookTools(dir: string, bundles: ToolBundles): void {
  linkAll(dir, bundles.hookTool, Object.keys(HOOK_TOOLS));
}

export function linkFakeCommands(dir: string, bundles: ToolBundles): void {
  linkAll(dir, bundles.fakeCommand, Object.keys(FAKE_COMMANDS));
}
