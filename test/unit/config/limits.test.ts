// The bound of every free-text option: the longest value its receiving system takes is accepted,
// one more character blocks naming the option and that system, and a 100 KB value of any string
// option blocks naming the option (nothing that long reaches a file or a relation).
import { describe, expect, it } from 'vitest';
import { OPTION_NAMES, OPTIONS, type OptionName, parseConfig } from '../../../src/config/index.js';

const HUGE = 100_000;
const letters = (n: number): string => 'a'.repeat(n);

const bounds: [OptionName, number, string][] = [
  ['database-user', 32, 'a MySQL user name'],
  ['database', 64, 'a MySQL database name'],
  ['region', 255, 'a Keystone region id'],
  ['rabbit-user', 255, 'a RabbitMQ user or vhost name'],
  ['rabbit-vhost', 255, 'a RabbitMQ user or vhost name'],
  ['rbd-pool-name', 255, 'a Ceph name'],
  ['ec-profile-name', 255, 'a Ceph name'],
  ['ec-rbd-metadata-pool', 255, 'a Ceph name'],
  ['ec-profile-crush-locality', 255, 'a Ceph name'],
  ['ec-profile-technique', 255, 'a Ceph name'],
  ['ec-profile-device-class', 255, 'a Ceph name'],
  ['cinder-volume-types', 255, 'a Cinder volume type name'],
  ['vip_iface', 15, 'a network interface name'],
  ['ha-bindiface', 15, 'a network interface name'],
  ['nagios_context', 63, 'a DNS label'],
  ['s3-store-bucket', 63, 'an S3 bucket name'],
  ['s3-store-access-key', 128, 'an S3 access key'],
  ['s3-store-secret-key', 4096, 'one configuration line'],
];

/** Values that are valid but for their length, built up to exactly `length` characters. */
const longValid: Partial<Record<OptionName, (length: number) => string>> = {
  'api-config-flags': (n) => `k=${letters(n - 2)}`,
  'filesystem-store-datadir': (n) => `/${letters(n - 1)}`,
  'disk-formats': (n) => `raw${',raw'.repeat((n - 3) / 4)}`,
  vip: (n) => `10.0.0.1${' '.repeat(n - 8)}`,
  'custom-import-properties': (n) => `os_distro:${letters(n - 10)}`,
};

const problemsOf = (name: OptionName, value: string) => parseConfig({ [name]: value }).problems.filter((p) => p.source === name);

describe('bounds of free-text options', () => {
  it.each(bounds)('%s takes %i characters and blocks one more, naming %s', (name, max, what) => {
    expect(problemsOf(name, letters(max))).toEqual([]);
    const [problem, ...more] = problemsOf(name, letters(max + 1));
    expect(more).toEqual([]);
    expect(problem?.message).toBe(`${name}: ${max + 1} characters is too long for ${what} (at most ${max})`);
  });

  it.each(Object.entries(longValid) as [OptionName, (n: number) => string][])(
    '%s: a value valid but for its length is refused past its bound',
    (name, make) => {
      expect(problemsOf(name, make(4096 - ((4096 - 3) % 4)))).toEqual([]);
      expect(problemsOf(name, make(HUGE + 3))[0]?.message).toMatch(new RegExp(`^${name}: \\d+ characters is too long for `));
    },
  );

  const strings = OPTION_NAMES.filter((name) => OPTIONS[name].type === 'string');
  it.each(strings)('%s: 100 KB of letters blocks naming the option', (name) => {
    const [problem] = problemsOf(name, letters(HUGE));
    expect(problem?.severity).toBe('blocked');
    expect(problem?.message.startsWith(`${name}: `)).toBe(true);
    expect(problem?.message.length).toBeLessThan(200);
  });
});
