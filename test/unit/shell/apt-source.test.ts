import { describe, expect, it } from 'vitest';
import { type SourceSetup, sourceSetup } from '../../../src/host/apt-source.js';

const UCA = 'http://ubuntu-cloud.archive.canonical.com/ubuntu';
const cloud = (pocket: string): SourceSetup => ({
  packages: ['ubuntu-cloud-keyring'],
  files: [{ path: '/etc/apt/sources.list.d/cloud-archive.list', content: `# Ubuntu Cloud Archive\ndeb ${UCA} ${pocket} main\n` }],
  commands: [],
});
const nothing: SourceSetup = { packages: [], files: [], commands: [] };
const repo = (spec: string): SourceSetup => ({ ...nothing, commands: [['add-apt-repository', '--yes', spec]] });
const proposed = (mirror: string, series: string): SourceSetup => ({
  ...nothing,
  files: [
    {
      path: '/etc/apt/sources.list.d/proposed.list',
      content: `# Proposed\ndeb ${mirror} ${series}-proposed main universe multiverse restricted\n`,
    },
  ],
});

describe('openstack-origin → apt source', () => {
  it.each<[string, string, SourceSetup]>([
    ['distro', 'noble', nothing],
    ['caracal', 'noble', nothing],
    ['yoga', 'jammy', nothing],
    ['caracal', 'jammy', cloud('jammy-updates/caracal')],
    ['epoxy', 'noble', cloud('noble-updates/epoxy')],
    ['flamingo/proposed', 'noble', cloud('noble-proposed/flamingo')],
    ['cloud:jammy-caracal', 'jammy', cloud('jammy-updates/caracal')],
    ['cloud:jammy-caracal/updates', 'jammy', cloud('jammy-updates/caracal')],
    ['cloud:jammy-updates/caracal', 'jammy', cloud('jammy-updates/caracal')],
    ['cloud:jammy-caracal/proposed', 'jammy', cloud('jammy-proposed/caracal')],
    ['cloud:caracal', 'jammy', cloud('jammy-updates/caracal')],
    ['cloud:focal-yoga', 'focal', cloud('focal-updates/yoga')],
    ['cloud:bionic-ussuri', 'bionic', cloud('bionic-updates/ussuri')],
    ['cloud:noble-dalmatian/staging', 'noble', repo('ppa:ubuntu-cloud-archive/dalmatian-staging')],
    ['ppa:openstack-ubuntu-testing/caracal', 'jammy', repo('ppa:openstack-ubuntu-testing/caracal')],
    ['cloud-archive:caracal', 'jammy', repo('cloud-archive:caracal')],
    ['http://mirror.example.com/ubuntu {series} main', 'noble', repo('http://mirror.example.com/ubuntu noble main')],
    ['proposed', 'noble', proposed('http://archive.ubuntu.com/ubuntu', 'noble')],
    ['caracal/proposed', 'noble', proposed('http://archive.ubuntu.com/ubuntu', 'noble')],
    [
      'deb http://mirror.example.com/uca {series}-updates/caracal main',
      'jammy',
      {
        ...nothing,
        files: [
          {
            path: '/etc/apt/sources.list.d/openstack-origin.list',
            content: 'deb http://mirror.example.com/uca jammy-updates/caracal main\n',
          },
        ],
      },
    ],
  ])('%s on %s', (origin, series, expected) => {
    expect(sourceSetup(origin, series, 'x64')).toEqual(expected);
  });

  it('uses the ports mirror for -proposed on other architectures', () => {
    expect(sourceSetup('distro-proposed', 'noble', 'arm64')).toEqual(proposed('http://ports.ubuntu.com/ubuntu-ports', 'noble'));
  });

  it('writes an ASCII-armoured key given after "|" next to the source', () => {
    const key = '-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQINBF\n-----END PGP PUBLIC KEY BLOCK-----';
    expect(sourceSetup(`deb http://mirror.example.com/ubuntu noble main|${key}`, 'noble', 'x64').files).toEqual([
      { path: '/etc/apt/trusted.gpg.d/openstack-origin.asc', content: `${key}\n` },
      { path: '/etc/apt/sources.list.d/openstack-origin.list', content: 'deb http://mirror.example.com/ubuntu noble main\n' },
    ]);
  });

  it.each([
    ['cloud:focal-caracal', 'noble', 'openstack-origin "cloud:focal-caracal" is for focal, but this unit runs noble'],
    ['cloud:jammy-dalmatian', 'jammy', 'openstack-origin "cloud:jammy-dalmatian": no Cloud Archive pocket "jammy-dalmatian"'],
    ['dalmatian', 'jammy', 'openstack-origin "dalmatian": dalmatian is not available on jammy'],
    ['yoga', 'noble', 'openstack-origin "yoga": yoga is not available on noble'],
    ['caracal', 'plucky', 'openstack-origin "caracal": Ubuntu series "plucky" is not known'],
    ['havana-ish', 'noble', 'openstack-origin "havana-ish" is not a known source'],
    ['deb http://x noble main|5EDB1B62EC4926EA', 'noble', 'the key after "|" must be an ASCII-armoured PGP key'],
  ])('refuses %s on %s', (origin, series, message) => {
    expect(() => sourceSetup(origin, series, 'x64')).toThrow(message);
  });
});
