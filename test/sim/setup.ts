// Before each sim test file, in its worker (vitest setupFiles). The sim tier's files share their
// worker's modules (isolate: false: each file would otherwise load the simulator and the charm's
// source again, about a second of CPU per file), so what a file leaves behind must not reach
// the next: the simulators it did not dispose are disposed when it ends, and with the last one
// the process's call server closes (transport.test.ts counts on a process with none left).
import { afterAll } from 'vitest';
import { disposeLiveSims } from '../../sim/engine.js';

afterAll(() => {
  disposeLiveSims();
});
