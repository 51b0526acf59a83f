/**
 * Helper process for files.test.ts: rewrites one file forever, alternating two contents, until
 * the test kills it. It says "ready" once the loop runs.
 */
import { writeFileAtomic } from '../../../src/host/files.js';

const path = process.argv[2] ?? '';
const contents = ['n'.repeat(1 << 20), 'o'.repeat(1 << 20)];
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  await writeFileAtomic(path, contents[i % 2] ?? '', { user: 'root', group: 'root', mode: 0o640 });
}
