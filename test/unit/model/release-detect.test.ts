import { describe, expect, it } from 'vitest';
import { detectRelease, releaseFromOrigin, releaseFromVersion } from '../../../src/model/release-detect.js';

describe('release detection (design §3)', () => {
  it.each([
    ['2:16.0.1-0ubuntu1', 'queens'],
    ['2:18.0.0-0ubuntu1', 'stein'],
    ['2:25.1.0-2+deb12u5', 'zed'],
    ['2:28.0.0-0ubuntu1', 'caracal'],
    ['2:30.0.0-0ubuntu1', 'epoxy'],
    ['31.0.0', 'flamingo'],
  ])('glance-common %s is %s', (v, r) => expect(releaseFromVersion(v)).toBe(r));

  it.each([
    ['distro', 'noble', 'caracal'],
    ['distro', 'jammy', 'yoga'],
    ['cloud:jammy-bobcat', 'jammy', 'bobcat'],
    ['cloud:jammy-caracal/proposed', 'jammy', 'caracal'],
    ['epoxy', 'noble', 'epoxy'],
    ['ppa:someone/glance', 'noble', undefined],
  ])('openstack-origin %s on %s is %s', (o, s, r) => expect(releaseFromOrigin(o, s)).toBe(r));

  it('prefers the installed package, then /etc/openstack-release, then the origin, then the series', () => {
    const i = { glanceCommonVersion: '2:24.0.0', openstackReleaseFile: 'zed', origin: 'caracal', series: 'noble' };
    expect(detectRelease(i)).toBe('yoga');
    expect(detectRelease({ ...i, glanceCommonVersion: null })).toBe('zed');
    expect(detectRelease({ ...i, glanceCommonVersion: null, openstackReleaseFile: null })).toBe('caracal');
    expect(detectRelease({ ...i, glanceCommonVersion: null, openstackReleaseFile: null, origin: 'ppa:x/y' })).toBe('caracal');
  });
});
