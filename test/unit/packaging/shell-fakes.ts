// Stand-ins for the commands dispatch and the charm look up on PATH, as small sh scripts that
// record how they were called. They use only shell built-ins and absolute paths, so a test can
// give dispatch a PATH holding nothing but them.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];

export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `glance-${label}-`));
  created.push(dir);
  return dir;
}

// For afterAll in each test file (vitest gives every file its own copy of this module).
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function writeExecutable(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

// A `node` that logs its arguments and the event it was given, then runs the real node.
export function writeRecordingNode(path: string, logFile: string): void {
  writeExecutable(
    path,
    `echo "node $* dispatch=$JUJU_DISPATCH_PATH" >> '${logFile}'\nexec '${process.execPath}' "$@"`,
  );
}
