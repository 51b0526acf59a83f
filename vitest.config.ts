import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order (each project's files, longest first by the last run's durations), except that
 * the files which copy the robustness tests' prepared full deployment go last: the sim tier's
 * global setup starts preparing it as the run begins, and a file that needs it before it is ready
 * only waits, holding one of the workers, while the others' files could run.
 */
class PreparedLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const waits = (file: TestSpecification) => readFileSync(file.moduleId, 'utf8').includes('preparedDeployment(');
    return [...sorted.filter((f) => !waits(f)), ...sorted.filter(waits)];
  }
}

// Three tiers (see README): unit (pure core, in-process), sim (the packed charm, unzipped as a unit
// holds it, against the simulated Juju: in this process, or one process per hook where that is
// what is tested) and real (real services, root on Debian/Ubuntu). A worker per core, not one
// less: the sim tier's workers spend much of their time waiting on the charm's processes.
export default defineConfig({
  test: {
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: PreparedLast },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // A worker's files share its modules: loading the charm's source, zod, yaml and
          // fast-check again for each of 67 files cost a quarter of the tier's CPU.
          isolate: false,
          // Some unit tests start processes (fake hook tools, the packed charm's Node.js): on a
          // busy 2-core machine 5 s was not always enough (the time limit is not what they test).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'sim',
          include: ['test/sim/**/*.test.ts'],
          globalSetup: ['test/sim/global-setup.ts'],
          setupFiles: ['test/sim/setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          isolate: false,
        },
      },
      {
        test: {
          name: 'real',
          include: ['test/real/**/*.test.ts'],
          globalSetup: ['test/sim/global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 1_200_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
