// What the charm gets from parseConfig whatever config-get returned: defaults for unset options,
// a blocked problem naming each bad option (never an exception), and the default in its place.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPTION_NAMES, OPTIONS, parseConfig } from '../../../src/config/index.js';

const STRING_OPTIONS = OPTION_NAMES.filter((name) => OPTIONS[name].type === 'string');

/** A value of the wrong JSON type for each Juju type. */
const WRONG_TYPE = { boolean: 'true', int: '3', float: true, string: 5 } as const;

describe('parseConfig', () => {
  it('gives the config.yaml defaults, parsed, when nothing is set', () => {
    const { config, problems } = parseConfig({});
    expect(problems).toEqual([]);
    expect(config['openstack-origin']).toBe('caracal');
    expect(config['image-size-cap']).toBe(1024 ** 4);
    expect(config['ceph-osd-replication-count']).toBe(3);
    expect(config['expose-image-locations']).toBe(true);
    expect(config.vip).toEqual([]);
    expect(config['api-config-flags']).toEqual([]);
    expect(config['worker-multiplier']).toBeNull();
    expect(config['rbd-pool-name']).toBeNull();
  });

  it('treats null like an absent option, as config-get reports unset options', () => {
    const nulls = Object.fromEntries(OPTION_NAMES.map((name) => [name, null]));
    expect(parseConfig(nulls)).toEqual(parseConfig({}));
  });

  it('treats "" as unset for string options without a default', () => {
    const { config } = parseConfig({ 'rbd-pool-name': '', 'os-public-network': '', ssl_cert: '' });
    expect(config['rbd-pool-name']).toBeNull();
    expect(config['os-public-network']).toEqual([]);
    expect(config.ssl_cert).toBeNull();
  });

  it('ignores keys that are not options', () => {
    expect(parseConfig({ 'no-such-option': 'x' }).problems).toEqual([]);
  });

  it('keeps good options and puts the default in place of a bad one', () => {
    const { config, problems } = parseConfig({ 'image-size-cap': '12XB', 'worker-multiplier': -1, debug: true });
    expect(problems.map((p) => p.message)).toEqual([
      'worker-multiplier: -1 must be greater than 0 and at most 1000',
      'image-size-cap: "12XB" is not a size like 500G or 1TB',
    ]);
    expect(config['image-size-cap']).toBe(1024 ** 4);
    expect(config['worker-multiplier']).toBeNull();
    expect(config.debug).toBe(true);
  });

  it('reports every bad option, in config.yaml order', () => {
    const { problems } = parseConfig({ vip: '10.0.0.300', debug: 'yes', 'ceph-pool-weight': 500 });
    expect(problems.map((p) => p.source)).toEqual(['debug', 'ceph-pool-weight', 'vip']);
  });

  it.each(OPTION_NAMES)('%s: a value of the wrong JSON type is a problem naming the option', (name) => {
    const type = OPTIONS[name].type;
    const value = WRONG_TYPE[type];
    const { config, problems } = parseConfig({ [name]: value });
    expect(problems).toContainEqual({
      severity: 'blocked',
      source: name,
      message: `${name}: ${JSON.stringify(value)} is not ${{ boolean: 'a boolean (true or false)', int: 'an integer', float: 'a number', string: 'a string' }[type]}`,
    });
    expect(config).toEqual(parseConfig({}).config);
  });

  it('refuses a fraction for an int option', () => {
    expect(parseConfig({ 'ceph-pool-weight': 2.5 }).problems[0]?.message).toBe('ceph-pool-weight: 2.5 is not an integer');
  });

  it.each(
    STRING_OPTIONS.flatMap((name) => ['glance\nx = injected', 'glance\r', 'gl\0ance'].map((value) => [name, value] as const)),
  )('%s: %j cannot inject lines', (name, value) => {
    const { config, problems } = parseConfig({ [name]: value });
    expect(problems.find((p) => p.source === name)?.message).toMatch(new RegExp(`^${name}: `));
    expect(config[name]).toEqual(parseConfig({}).config[name]);
  });

  it.each([
    'database',
    'database-user',
    'region',
    'rbd-pool-name',
    'ec-rbd-metadata-pool',
    'cinder-volume-types',
    'disk-formats',
    'container-formats',
    'os-public-hostname',
  ] as const)('%s: INI-looking text is refused', (name) => {
    for (const value of ['[DEFAULT]', 'a = b']) {
      expect(parseConfig({ [name]: value }).problems.map((p) => p.source)).toEqual([name]);
    }
  });

  it('never echoes a rejected certificate or key', () => {
    const key = Buffer.from('-----BEGIN PRIVATE KEY-----\nhunter2').toString('base64');
    const { problems } = parseConfig({ ssl_key: key, 's3-store-secret-key': 'hunter2\n' });
    expect(problems.map((p) => p.source)).toEqual(['ssl_key', 's3-store-secret-key', 's3']);
    for (const p of problems) {
      expect(p.message).not.toContain('hunter2');
      expect(p.message).not.toContain(key.slice(0, 12));
    }
  });

  it('never throws, whatever the values', () => {
    const names = fc.constantFrom(...OPTION_NAMES);
    const values = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.object());
    fc.assert(
      fc.property(fc.dictionary(names, values), (raw) => {
        const { config, problems } = parseConfig(raw);
        expect(Object.keys(config)).toEqual([...OPTION_NAMES]);
        for (const p of problems) expect(p.severity).toBe('blocked');
      }),
    );
  });

  it('gives one problem per bad option, even with several bad items', () => {
    const { problems } = parseConfig({ vip: 'x y', 'cinder-volume-types': 'a,,b', harden: 'os nope nada' });
    expect(problems.map((p) => p.message)).toEqual([
      'harden: "nope" is not one of: os, ssh, apache, mysql',
      'cinder-volume-types: "a,,b" has an empty item between commas',
      'vip: "x" is not an IP address',
    ]);
  });
});
