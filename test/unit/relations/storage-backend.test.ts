/**
 * storage-backend, called directly: a subordinate may turn the cinder store on and inject
 * sections into glance-api.conf; nothing it sends may break out of its INI line or section.
 */
import { describe, expect, it } from 'vitest';
import { handlerGroups } from '../../../src/relations/index.js';
import { storageBackend } from '../../../src/relations/storage-backend.js';
import type { Databag } from '../../../src/snapshot.js';
import { STORE_ENDPOINTS } from '../../../src/stores/index.js';
import { readEnv } from '../../fixtures/relation-env.js';
import { relation } from '../../fixtures/snapshot.js';

const env = readEnv();
const sub = (units: Record<string, Databag>, app = 'cinder-backup') => [relation('storage-backend', 8, app, units)];
const one = (bag: Databag) => storageBackend.read(sub({ 'cinder-backup/0': bag }), env);
/** A subordinate_configuration value for glance-api.conf. */
const subConfig = (sections: Record<string, unknown[]>, service = 'glance-api', file = '/etc/glance/glance-api.conf') =>
  JSON.stringify({ [service]: { [file]: { sections } } });

const WAITING = { state: 'incomplete', missing: ['cinder-backend', 'subordinate_configuration'] };
const BAD_FLAG = { state: 'incomplete', missing: ['cinder-backend (true or false)'] };
const BAD_JSON = { state: 'incomplete', missing: ['subordinate_configuration (JSON)'] };

describe('storage-backend: what the read phase and status rely on', () => {
  it("reads the unit databags; its status group is the store registry's storage-backend", () => {
    expect(storageBackend.endpoint).toBe('storage-backend');
    expect(storageBackend.reads).toBe('units');
    expect(storageBackend.group).toBeUndefined();
    expect(handlerGroups().map((g) => g.endpoint)).not.toContain('storage-backend');
    expect(STORE_ENDPOINTS).toContain('storage-backend');
    expect(storageBackend.completeWith).toBeUndefined();
    expect(storageBackend.ownBag).toBeUndefined();
    expect(storageBackend.binding).toBeUndefined();
    expect(storageBackend.publish).toBeUndefined();
    expect(storageBackend.files).toBeUndefined();
    expect(storageBackend.paths).toBeUndefined();
    expect(storageBackend.teardown).toBeUndefined();
  });
});

describe('storage-backend: readiness', () => {
  it('is absent when unrelated, incomplete until a subordinate answers', () => {
    expect(storageBackend.read([], env)).toEqual({ state: 'absent' });
    expect(storageBackend.read(sub({}), env)).toEqual(WAITING);
    expect(one({ 'private-address': '10.0.0.50' })).toEqual(WAITING);
  });

  it('reads cinder-backend as what it says (the reference turned cinder on for "False", Q6)', () => {
    for (const yes of ['true', 'True', 'TRUE', 'yes', '1', ' true ', 'true\n']) expect(one({ 'cinder-backend': yes }), yes).toEqual({ state: 'ready', context: { cinder: true, sections: [] } });
    for (const no of ['false', 'False', 'no', '0', '']) expect(one({ 'cinder-backend': no }), no).toEqual({ state: 'ready', context: { cinder: false, sections: [] } });
  });

  it('keeps waiting on a cinder-backend that is neither true nor false', () => {
    for (const bad of ['maybe', 'on', 'tru', 'true false', '{}']) expect(one({ 'cinder-backend': bad }), bad).toEqual(BAD_FLAG);
  });

  it("takes glance-api.conf's sections, DEFAULT left out, values as oslo reads them", () => {
    const r = one({
      'cinder-backend': 'false',
      subordinate_configuration: subConfig({
        DEFAULT: [['debug', 'True']],
        cinder_backup: [['backup_driver', 'x.y.Z'], ['retries', 3], ['enabled', true], ['off', false]],
      }),
    });
    expect(r).toEqual({
      state: 'ready',
      context: { cinder: false, sections: [{ name: 'cinder_backup', options: [['backup_driver', 'x.y.Z'], ['retries', '3'], ['enabled', 'True'], ['off', 'False']] }] },
    });
  });

  it('answers with subordinate_configuration alone; other services and files are not glance-api.conf', () => {
    expect(one({ subordinate_configuration: subConfig({ s: [['k', 'v']] }) })).toEqual({ state: 'ready', context: { cinder: false, sections: [{ name: 's', options: [['k', 'v']] }] } });
    expect(one({ subordinate_configuration: subConfig({ s: [['k', 'v']] }, 'nova-compute') })).toEqual({ state: 'ready', context: { cinder: false, sections: [] } });
    expect(one({ subordinate_configuration: subConfig({ s: [['k', 'v']] }, 'glance-api', '/etc/glance/glance-registry.conf') })).toEqual({
      state: 'ready',
      context: { cinder: false, sections: [] },
    });
    expect(one({ subordinate_configuration: '' })).toEqual({ state: 'ready', context: { cinder: false, sections: [] } });
  });

  it('merges the sections several subordinates name, in the order they gave them; cinder if any asks', () => {
    const r = storageBackend.read(
      [
        relation('storage-backend', 8, 'a', { 'a/0': { 'cinder-backend': 'false', subordinate_configuration: subConfig({ shared: [['a', '1']], onlyA: [['x', 'y']] }) } }),
        relation('storage-backend', 9, 'b', { 'b/0': { 'cinder-backend': 'true', subordinate_configuration: subConfig({ shared: [['b', '2']] }) } }),
      ],
      env,
    );
    expect(r).toEqual({
      state: 'ready',
      context: {
        cinder: true,
        sections: [
          { name: 'shared', options: [['a', '1'], ['b', '2']] },
          { name: 'onlyA', options: [['x', 'y']] },
        ],
      },
    });
  });

  it('keeps waiting on JSON that does not parse or does not fit, never throwing', () => {
    const hostile = [
      '{not json',
      'null',
      '"a string"',
      '[]',
      JSON.stringify({ 'glance-api': 'x' }),
      JSON.stringify({ 'glance-api': { '/etc/glance/glance-api.conf': { sections: [] } } }),
      subConfig({ s: [['k']] }),
      subConfig({ s: [['k', 'v', 'extra']] }),
      subConfig({ s: [['k', null]] }),
      subConfig({ s: [['k', { nested: 1 }]] }),
      subConfig({ s: [['k', 'v\n[DEFAULT]']] }),
      subConfig({ s: [['k', 'v\r']] }),
      subConfig({ s: [['k = v', 'w']] }),
      subConfig({ s: [['k\nx', 'v']] }),
      subConfig({ s: [['', 'v']] }),
      subConfig({ 'evil]\n[DEFAULT': [['k', 'v']] }),
      subConfig({ 'a[b': [['k', 'v']] }),
      subConfig({ 'a=b': [['k', 'v']] }),
    ];
    for (const text of hostile) expect(one({ 'cinder-backend': 'true', subordinate_configuration: text }), text).toEqual(BAD_JSON);
  });

  it('one subordinate with a bad answer keeps the whole relation waiting', () => {
    const r = storageBackend.read(sub({ 'a/0': { 'cinder-backend': 'true' }, 'b/0': { 'cinder-backend': 'perhaps' } }), env);
    expect(r).toEqual(BAD_FLAG);
  });
});
