// Once per test run: unzip the packed charm (`npm test` packs it first) where every simulator
// runs it from, so no test races another to unpack it. Then, when the run includes a test file
// that copies the prepared full deployment (robustness/prepared.ts), start preparing it here, in
// the main process, while the workers run the files that do not need it: its sixty hooks of the
// packed charm as a process would otherwise hold up the first of those files. The run's end
// waits for it, so no half-made deployment or lock is left behind.
import { readFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { unpackUnitCharm } from '../../sim/unit-charm.js';
import { preparedDeployment } from './robustness/prepared.js';

const NEEDS_PREPARED = 'preparedDeployment(';

/** Whether a test file of this run (its file filters applied) waits on the prepared deployment. */
async function runNeedsPrepared(project: TestProject): Promise<boolean> {
  // The command line's file filters (not public API; without them every file counts).
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  return testFiles.some((file) => readFileSync(file, 'utf8').includes(NEEDS_PREPARED));
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  await unpackUnitCharm();
  if (!(await runNeedsPrepared(project))) return undefined;
  // A failure here is the test files' to report: each one that needs the deployment tries again.
  const preparing = preparedDeployment().then(
    () => undefined,
    () => undefined,
  );
  return () => preparing;
}
