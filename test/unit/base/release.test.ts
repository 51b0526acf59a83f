import { describe, expect, it } from 'vitest';
import { hasRegistry, lineageOf, RELEASES, usesWwwAuthenticateUri } from '../../../src/base/release.js';

describe('release facts', () => {
  it('glance-registry exists up to rocky and is gone from stein on (the one place this cut-off is tested)', () => {
    expect(RELEASES.filter(hasRegistry)).toEqual(['queens', 'rocky']);
  });

  it('keystone_authtoken names www_authenticate_uri from stein on, auth_uri before', () => {
    expect(RELEASES.filter((r) => !usesWwwAuthenticateUri(r))).toEqual(['queens', 'rocky']);
  });

  it.each([
    ['queens', 'queens'],
    ['rocky', 'queens'],
    ['train', 'stein'],
    ['xena', 'ussuri'],
    ['caracal', 'yoga'],
    ['dalmatian', 'yoga'],
    ['flamingo', 'epoxy'],
  ] as const)('%s renders with the %s templates', (r, l) => expect(lineageOf(r)).toBe(l));
});
