import { defineConfig } from 'vitest/config';

// Three tiers (see README): unit (pure core, in-process), sim (the packed charm, unzipped as a unit
// holds it, run as a process against the simulated Juju) and real (real services, root on Debian/Ubuntu).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'sim',
          include: ['test/sim/**/*.test.ts'],
          globalSetup: ['test/sim/global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
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
