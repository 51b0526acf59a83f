/** Fake commands that only need to succeed (and be recorded): their effect is outside the charm's view. */
import type { FakeCommand } from './types.js';

export const succeed =
  (stdout = ''): FakeCommand =>
  () => ({ stdout });

export const haproxy: FakeCommand = ({ args }) => {
  if (args.includes('-v') || args.includes('-vv')) return { stdout: 'HAProxy version 2.8.5 2023/12/01\n' };
  return { stdout: args.includes('-c') ? 'Configuration file is valid\n' : '' };
};

export const a2enmod: FakeCommand = ({ args }) => ({
  stdout: args
    .filter((a) => !a.startsWith('-'))
    .map((m) => `Enabling module ${m}.\n`)
    .join(''),
});
