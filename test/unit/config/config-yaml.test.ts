// config.yaml is what operators see; the schema is what the charm enforces. They must not drift.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { OPTION_NAMES, OPTIONS, parseConfig } from '../../../src/config/index.js';

const YamlOption = z
  .object({
    type: z.enum(['string', 'int', 'float', 'boolean']),
    default: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    description: z.string().min(20),
  })
  .strict();
const ConfigYaml = z.object({ options: z.record(z.string(), YamlOption) }).strict();

const configYaml = ConfigYaml.parse(parse(readFileSync(new URL('../../../config.yaml', import.meta.url), 'utf8')));
const yamlOptions = Object.entries(configYaml.options);

describe('config.yaml', () => {
  it('has the 81 options of the reference charm, in the schema order', () => {
    expect(yamlOptions).toHaveLength(81);
    expect(yamlOptions.map(([name]) => name)).toEqual([...OPTION_NAMES]);
  });

  it.each(yamlOptions)('%s has the schema type and default', (name, option) => {
    const spec = Object.entries(OPTIONS).find(([n]) => n === name)?.[1];
    expect(spec?.type).toBe(option.type);
    // No `default:` key means unset, which the schema records as null.
    expect(spec?.default).toStrictEqual(option.default ?? null);
  });

  it('keeps the reference defaults operators rely on', () => {
    expect(configYaml.options['openstack-origin']?.default).toBe('caracal');
    expect(configYaml.options.nagios_servicegroups?.default).toBe('');
    expect(configYaml.options['image-size-cap']?.default).toBe('1TB');
    expect(configYaml.options.vip && 'default' in configYaml.options.vip).toBe(false);
  });

  it('defaults parse without problems', () => {
    const defaults = Object.fromEntries(yamlOptions.map(([name, o]) => [name, o.default ?? null]));
    expect(parseConfig(defaults).problems).toEqual([]);
  });
});
