/** openstack-origin: the package source forms the reference charm accepts. */
import { RELEASES } from '../base/release.js';
import { type Check, bad, ok, show } from './check.js';

const RELEASE = `(?:${RELEASES.join('|')})`;
const POCKET = '(?:/(?:updates|staging|proposed))?';

const SOURCES: readonly RegExp[] = [
  /^distro(?:-proposed)?$/,
  new RegExp(`^${RELEASE}${POCKET}$`),
  new RegExp(`^cloud:[a-z]+-${RELEASE}${POCKET}$`),
  /^ppa:[A-Za-z0-9][\w.+-]*\/[A-Za-z0-9][\w.+-]*$/,
  // An APT line, optionally with [options] and a trailing "|KEY" as charm-helpers allows.
  /^deb (?:\[[^\]]*\] )?https?:\/\/\S+ \S+(?: \S+)*$/,
];

export const packageSource: Check<string, string> = (text) =>
  SOURCES.some((form) => form.test(text))
    ? ok(text)
    : bad(
        `${show(text)} is not a package source (distro, a release like caracal, cloud:<series>-<release>, ppa:<owner>/<name> or a deb line)`,
      );
