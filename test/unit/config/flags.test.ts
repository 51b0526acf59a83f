import { describe, expect, it } from 'vitest';
import { parseConfigFlags } from '../../../src/config/flags.js';

const pairs = (text: string) => {
  const result = parseConfigFlags(text);
  return result.ok ? result.value : result.message;
};

describe('config flags (charm-helpers config_flags_parser semantics)', () => {
  it.each([
    // The reference's own examples.
    ['key1=value1, key2=value2', [['key1', 'value1'], ['key2', 'value2']]],
    ['key1=value1, key2=value2,value3,value4', [['key1', 'value1'], ['key2', 'value2,value3,value4']]],
    ['key1: subkey1=value1,subkey2=value2', [['key1', 'subkey1=value1,subkey2=value2']]],
    [
      'user_tree_dn: ou=ABC General,ou=User Accounts,dc=example,dc=com',
      [['user_tree_dn', 'ou=ABC General,ou=User Accounts,dc=example,dc=com']],
    ],
    // A comma list in the middle belongs to the key before it.
    ['a=1,2,b=3', [['a', '1,2'], ['b', '3']]],
    ['enabled_import_methods=glance-direct,web-download', [['enabled_import_methods', 'glance-direct,web-download']]],
    // Leading/trailing blanks, "=" and commas around the text are stripped.
    ['  image_cache_max_size=1024 , ', [['image_cache_max_size', '1024']]],
    // A repeated key keeps its first place and its last value.
    ['a=1,b=2,a=3', [['a', '3'], ['b', '2']]],
    ['a=,b=2', [['a', ''], ['b', '2']]],
    // YAML form: keys sorted, scalars printed as Python would.
    ['zeta: 1', [['zeta', '1']]],
    ['{b: yes, a: 2.5}', [['a', '2.5'], ['b', 'True']]],
  ])('%s', (text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });

  it.each([
    ['a==b', 'contains "=="'],
    ['a=1,=2', 'has an empty key'],
    ['a=b=c', 'is not a comma-separated list of key=value pairs'],
    ['just-text', 'has no key=value pair'],
    ['a b=1', 'key "a b" is not an option name'],
    ['[DEFAULT]=1', 'key "[DEFAULT]" is not an option name'],
    ['key: [1, 2]', 'the value of "key" is not a single value'],
    ['key: "a\\nb"', 'the value of key must not contain a line break'],
    ['key: {a: 1', 'is not valid YAML'],
  ])('rejects %s', (text, message) => {
    expect(pairs(text)).toContain(message);
  });
});
