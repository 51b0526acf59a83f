import { describe, expect, it } from 'vitest';
import { renderFiles } from '../../../src/render/render.js';
import { planRestarts } from '../../../src/render/restarts.js';
import { fullModel, tlsModel } from './fixtures.js';
import { TEMPLATES } from './template-dir.js';

const caracal = renderFiles(tlsModel(), TEMPLATES);

describe('planRestarts', () => {
  it('restarts each affected service once, in restart-map order whatever order the files changed in', () => {
    const changed = ['/etc/memcached.conf', '/etc/haproxy/haproxy.cfg', '/etc/glance/api-paste.ini', '/etc/glance/glance-api.conf'];
    expect(planRestarts(changed, caracal, false)).toEqual(['glance-api', 'haproxy', 'memcached']);
  });

  it('restarts apache2 once for its site and ports.conf', () => {
    const changed = ['/etc/apache2/ports.conf', '/etc/apache2/sites-available/openstack_https_frontend.conf'];
    expect(planRestarts(changed, caracal, false)).toEqual(['apache2']);
  });

  it('restarts nothing for policy.yaml (oslo.policy rereads it) or for unchanged files', () => {
    expect(planRestarts(['/etc/glance/policy.yaml'], caracal, false)).toEqual([]);
    expect(planRestarts([], caracal, false)).toEqual([]);
  });

  it('restarts nothing while the unit is paused', () => {
    expect(planRestarts(['/etc/glance/glance-api.conf', '/etc/haproxy/haproxy.cfg'], caracal, true)).toEqual([]);
  });

  it('restarts glance-registry for ceph.conf only where the registry exists', () => {
    const ceph = ['/var/lib/charm/glance/ceph.conf'];
    expect(planRestarts(ceph, renderFiles(fullModel('queens'), TEMPLATES), false)).toEqual(['glance-api', 'glance-registry']);
    expect(planRestarts(ceph, renderFiles(fullModel('stein'), TEMPLATES), false)).toEqual(['glance-api']);
  });

  it('restarts the registry before the api when both configs change (queens)', () => {
    const changed = ['/etc/glance/glance-api.conf', '/etc/glance/glance-registry.conf'];
    expect(planRestarts(changed, renderFiles(fullModel('queens'), TEMPLATES), false)).toEqual(['glance-registry', 'glance-api']);
  });
});
