/**
 * Stdin of a fake command, when the charm gave one. A charm that gives input closes the pipe
 * after writing it, so we read to the end; but a real apt-get or systemctl never reads stdin, so
 * a charm may also leave a pipe open and silent, and then we must not wait for an end that never
 * comes. A generous idle limit tells the two apart even on a loaded machine; it only costs time
 * in the second case, which the charm avoids (its commands get no stdin unless given input).
 */
import { fstatSync, readFileSync } from 'node:fs';

const IDLE_MS = 1000;

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
