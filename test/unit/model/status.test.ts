import { describe, expect, it } from 'vitest';
import { blocked, waiting } from '../../../src/base/problem.js';
import { PAUSED_MESSAGE, pickStatus, SERIES_UPGRADE_MESSAGE } from '../../../src/model/status.js';

const none = { missing: [], incomplete: [] };
const base = { seriesUpgrading: false, paused: false, interfaces: none, problems: [], servicesDown: [] };

describe('pickStatus (reference §9 order and messages)', () => {
  it('reports missing relations in a stable order, blocked', () => {
    expect(pickStatus({ ...base, interfaces: { missing: ['database', 'identity'], incomplete: [] } })).toEqual({
      status: 'blocked',
      message: 'Missing relations: database, identity',
    });
  });
  it('reports incomplete relations as waiting', () => {
    expect(pickStatus({ ...base, interfaces: { missing: [], incomplete: ['messaging'] } })).toEqual({
      status: 'waiting',
      message: 'Incomplete relations: messaging',
    });
  });
  it('combines missing and incomplete in one message', () => {
    expect(pickStatus({ ...base, interfaces: { missing: ['identity'], incomplete: ['database'] } }).message).toBe(
      'Missing relations: identity; incomplete relations: database',
    );
  });
  it('joins charm problems after the relations with ", " and the worst state wins', () => {
    const s = pickStatus({
      ...base,
      interfaces: { missing: [], incomplete: ['storage-backend'] },
      problems: [blocked('s3', 'Invalid external S3 config: Missing necessary config options')],
    });
    expect(s).toEqual({
      status: 'blocked',
      message: 'Incomplete relations: storage-backend, Invalid external S3 config: Missing necessary config options',
    });
  });
  it('paused and series upgrade come first', () => {
    expect(pickStatus({ ...base, paused: true, problems: [waiting('x', 'y')] })).toEqual({ status: 'maintenance', message: PAUSED_MESSAGE });
    expect(pickStatus({ ...base, paused: true, seriesUpgrading: true }).message).toBe(SERIES_UPGRADE_MESSAGE);
  });
  it('names services that should run but do not, else Unit is ready', () => {
    expect(pickStatus({ ...base, servicesDown: ['glance-api', 'haproxy'] })).toEqual({
      status: 'blocked',
      message: 'Services not running that should be: glance-api, haproxy',
    });
    expect(pickStatus(base)).toEqual({ status: 'active', message: 'Unit is ready' });
    expect(pickStatus({ ...base, prefix: 'PO: ' }).message).toBe('PO: Unit is ready');
  });
});
