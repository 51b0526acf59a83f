/** Juju architecture → the npm package of Node's Linux build, its ELF machine and qemu-user name (see runtime.mjs). */
export const RUNTIME_ARCHES: Record<string, { npmPackage: string; nodeCpu: string; elfMachine: number; qemu: string }>;
export const RUNTIME_NODE: string;
export const HOST_ARCH: string | undefined;
export const RUNTIME_LICENSE: string;
export const REPO_ROOT: string;
/** Throws for an odd (never LTS) or end-of-life Node.js major on the given day. */
export function checkSupported(version: string, today?: Date): { major: number; endOfLife: string };
export function lockedRuntime(arch: string, root?: string): Promise<{ npmPackage: string; version: string; integrity: string }>;
export function runtimeVersion(root?: string): Promise<string>;
export function stageRuntime(arch: string, out: string, root?: string): Promise<{ npmPackage: string; version: string; integrity: string; node: string }>;
