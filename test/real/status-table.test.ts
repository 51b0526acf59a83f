/**
 * The status table deploy:local prints: units with their status, each relation with what both
 * sides sent, and never a password, key or token on the terminal.
 */
import { describe, expect, it } from 'vitest';
import { statusTable, summarize } from '../../deploy/status-table.js';
import type { SimState } from '../../sim/state.js';

const SECRETS = { password: 'pw-db-123', service_password: 'pw-ks-456', ssl_key: 'pem-789', admin_token: 'tkn-000' };

describe('the deploy:local status table', () => {
  it('hides every secret-looking value and keeps the rest readable', () => {
    const line = summarize({ db_host: '127.0.0.1', allowed_units: 'glance/0', ...SECRETS });
    expect(line).toContain('db_host=127.0.0.1');
    expect(line).toContain('allowed_units=glance/0');
    for (const value of Object.values(SECRETS)) expect(line).not.toContain(value);
  });

  it('shows the leader, a failed hook as error, and both sides of each relation', () => {
    const unit = { name: 'glance/0', status: { status: 'active', message: 'Unit is ready' }, hookError: null };
    const relation = {
      id: 1, endpoint: 'shared-db', remoteApp: 'mysql', peer: false,
      localUnits: { 'glance/0': { database: 'glance' } }, localAppData: {},
      remoteUnits: { 'mysql/0': { db_host: '127.0.0.1', password: 'pw-db-123' } }, remoteAppData: {},
    };
    const state = { leader: 'glance/0', units: { 'glance/0': unit }, relations: [relation] } as unknown as SimState;
    const table = statusTable(state);
    expect(table).toMatch(/glance\/0\*\s+active\s+Unit is ready/);
    expect(table).toContain('shared-db:1 → mysql');
    expect(table).toContain('database=glance');
    expect(table).not.toContain('pw-db-123');

    const failed = { ...state, units: { 'glance/0': { ...unit, hookError: 'config-changed' } } } as unknown as SimState;
    expect(statusTable(failed)).toMatch(/glance\/0\*\s+error\s+hook failed: "config-changed"/);
  });
});
