/**
 * The charm's source, for simulations run in this process (SimOptions.inProcess): the tests where
 * the process boundary is not what is tested. The built charm run as a process is covered by
 * jammy-unit and the prepared full deployment (secrets), bare-unit, engine/in-process.test.ts
 * (which holds this runner to the process one), packaging and the kills of kill.test.ts.
 */
import type { Sim, SimOptions } from '../../sim/engine.js';
import type { InProcessCharm } from '../../sim/run-in-process.js';
import { runEvent } from '../../src/event.js';
import { newSim } from './helpers.js';

export const IN_PROCESS: InProcessCharm = { runEvent };

/** A simulator over the charm run in this process (see newSim for one that starts `dispatch`). */
export const newInProcessSim = (o: Partial<SimOptions> = {}): Sim => newSim({ inProcess: IN_PROCESS, ...o });
