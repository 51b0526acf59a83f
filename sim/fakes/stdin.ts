/**
 * Stdin of a fake command, when the charm gave one. A real apt-get or systemctl never reads it,
 * so a charm may well leave a pipe open: reading must not wait for an end that never comes.
 * Input a parent writes at spawn time is already buffered when we get here, so a short idle
 * wait is enough to tell "input given" from "pipe left open".
 */
import { fstatSync, readFileSync } from 'node:fs';

const IDLE_MS = 30;

export async function readStdinIfGiven(): Promise<string | undefined> {
  let kind: 'file' | 'stream' | 'none';
  try {
    const st = fstatSync(0);
    kind = st.isFile() ? 'file' : st.isFIFO() || st.isSocket() ? 'stream' : 'none';
  } catch {
    return undefined;
  }
  if (kind === 'none') return undefined;
  if (kind === 'file') return readFileSync(0, 'utf8') || undefined;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      process.stdin.pause();
      process.stdin.destroy();
      resolve(chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined);
    };
    let timer = setTimeout(done, IDLE_MS);
    process.stdin.on('data', (c: Buffer) => {
      chunks.push(c);
      clearTimeout(timer);
      timer = setTimeout(done, IDLE_MS);
    });
    process.stdin.on('end', done);
    process.stdin.on('error', done);
  });
}
