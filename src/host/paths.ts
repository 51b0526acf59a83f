/**
 * Every host path the charm touches is resolved under $CHARM_FS_ROOT (default `/`), so the same
 * built charm runs on a real unit, in the simulator and in the real-service tests (design §3).
 */
import { isAbsolute, join } from 'node:path';

/** The rooted form of an absolute host path: `/etc/glance/x` → `$CHARM_FS_ROOT/etc/glance/x`. */
export function rooted(hostPath: string, env: NodeJS.ProcessEnv = process.env): string {
  if (!isAbsolute(hostPath)) throw new Error(`host path must be absolute: ${hostPath}`);
  const root = env.CHARM_FS_ROOT || '/';
  return join(root, hostPath);
}
