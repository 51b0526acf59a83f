/** Host files the machinery owns, written only when their content changes (so nothing restarts needlessly). */
import { chmod, chown, readFile, rename, writeFile } from 'node:fs/promises';
import { execa } from 'execa';

export const readText = (path: string): Promise<string | null> => readFile(path, 'utf8').catch(() => null);

async function groupId(group: string): Promise<number> {
  const r = await execa('getent', ['group', group]);
  return Number(r.stdout.split(':')[2]);
}

/** Atomically write `content` as root:`group` `mode`; returns whether anything changed. */
export async function writeIfChanged(path: string, content: string, group: string, mode: number): Promise<boolean> {
  if ((await readText(path)) === content) return false;
  const tmp = `${path}.glance-local.tmp`;
  await writeFile(tmp, content, { mode });
  await chown(tmp, 0, await groupId(group));
  await chmod(tmp, mode);
  await rename(tmp, path);
  return true;
}
