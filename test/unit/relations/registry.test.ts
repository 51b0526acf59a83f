import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENDPOINTS, HANDLERS } from '../../../src/relations/index.js';
import { isKnownHook, LIFECYCLE_HOOKS, routeFor } from '../../../src/routes.js';

const meta = parse(readFileSync(new URL('../../../metadata.yaml', import.meta.url), 'utf8'));
const metaEndpoints = ['provides', 'requires', 'peers'].flatMap((k) => Object.keys(meta[k] ?? {}));

describe('relation handler registry', () => {
  it('has exactly one handler per endpoint of metadata.yaml', () => {
    expect([...ENDPOINTS].sort()).toEqual([...metaEndpoints].sort());
  });
  it('registers each handler under its own endpoint, saying how much remote data it reads', () => {
    for (const e of ENDPOINTS) {
      expect(HANDLERS[e].endpoint).toBe(e);
      expect(['ids', 'units', 'units+app']).toContain(HANDLERS[e].reads);
    }
  });
});

describe('routes', () => {
  it('knows every relation hook of every endpoint and the lifecycle hooks', () => {
    for (const e of metaEndpoints) {
      for (const ev of ['created', 'joined', 'changed', 'departed', 'broken']) expect(isKnownHook(`${e}-relation-${ev}`)).toBe(true);
    }
    for (const h of LIFECYCLE_HOOKS) expect(isKnownHook(h)).toBe(true);
  });
  it('ignores names it does not know', () => {
    expect(routeFor('collect-metrics')).toEqual({ kind: 'ignore' });
    expect(routeFor('bogus-relation-changed')).toEqual({ kind: 'ignore' });
  });
  it('runs the install step on install and, while glance-common is missing, on config-changed', () => {
    expect(routeFor('install')).toMatchObject({ kind: 'reconcile', step: expect.any(Function) });
    expect(routeFor('update-status')).toEqual({ kind: 'reconcile' });
  });
});
