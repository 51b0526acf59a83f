/**
 * The distribution's nodejs, once apt has installed it on a simulated unit: `node` in the unit's
 * fakes dir is the developer's node told it is the archive's version (12.22.9 on 22.04, 18.19.1
 * on 24.04), so whatever runs on it meets the version check a real unit's node would fail. Not
 * installed, there is no node on the unit's PATH at all (unit-path.ts).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** "12.22.9~dfsg-1ubuntu3" or "1:18.19.1+dfsg-6ubuntu5" → the upstream version. */
const upstream = (debianVersion: string) => debianVersion.replace(/^\d+:/, '').replace(/[~+-].*$/, '');

const preload = (version: string) => `// Makes this node report the archive's version (sim/fakes/installed-node.ts).
Object.defineProperty(process, 'version', { value: 'v${version}' });
Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '${version}' } });
`;

export function linkInstalledNode(fakesDir: string, debianVersion: string | undefined): void {
  const node = join(fakesDir, 'node');
  const version = debianVersion === undefined ? undefined : upstream(debianVersion);
  if (version === undefined) {
    rmSync(node, { force: true });
    return;
  }
  const script = join(fakesDir, 'installed-node.cjs');
  writeFileSync(script, preload(version));
  writeFileSync(node, `#!/bin/sh\nexec '${process.execPath}' --require '${script}' "$@"\n`, { mode: 0o755 });
}
