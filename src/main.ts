/**
 * Entry point (dist/charm.js, run by ./dispatch): one event per process, as Juju runs it.
 */
import { runEvent } from './event.js';
import { recordStartup } from './juju/tool-stats.js';

// The bundle is loaded: all before this is Node's start-up and module evaluation.
recordStartup();

runEvent(process.env, process.cwd(), (text) => process.stderr.write(text)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
