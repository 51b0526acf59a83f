import { availableParallelism } from 'node:os';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readHostFacts } from '../../../src/host/inspect.js';
import { FakeBin } from '../../fixtures/fake-bin.js';

let bin: FakeBin;
let root: string;
const put = (path: string, content: string): void => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), content);
};

const IP_ADDR = JSON.stringify([
  { ifindex: 1, ifname: 'lo', addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8 }] },
  {
    ifindex: 2,
    ifname: 'ens3',
    addr_info: [
      { family: 'inet', local: '10.5.0.20', prefixlen: 24 },
      { family: 'inet6', local: 'fe80::1', prefixlen: 64 },
    ],
  },
  {},
]);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'fsroot-'));
  process.env.CHARM_FS_ROOT = root;
  bin = new FakeBin();
});
afterEach(() => {
  bin.dispose();
  delete process.env.CHARM_FS_ROOT;
});

describe('readHostFacts', () => {
  it('reads an installed Ubuntu unit under systemd in a container', async () => {
    bin
      .add('dpkg-query', { stdout: 'glance-common\tii \t2:28.0.0-0ubuntu1\n' })
      .add('systemd-detect-virt', { stdout: 'lxc\n' })
      .add('ip', { stdout: IP_ADDR });
    put('/etc/os-release', 'NAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION_CODENAME=noble\n');
    put('/etc/openstack-release', 'OPENSTACK_CODENAME=caracal\n');
    put('/etc/glance/glance-api.conf', '[DEFAULT]\n');
    chmodSync(join(root, 'etc/glance/glance-api.conf'), 0o640);
    mkdirSync(join(root, 'run/systemd/system'), { recursive: true });
    expect(await readHostFacts(['/etc/glance/glance-api.conf', '/etc/haproxy/haproxy.cfg'])).toEqual({
      files: { '/etc/glance/glance-api.conf': '[DEFAULT]\n', '/etc/haproxy/haproxy.cfg': null },
      modes: { '/etc/glance/glance-api.conf': 0o640 },
      glanceCommonVersion: '2:28.0.0-0ubuntu1',
      openstackReleaseFile: 'caracal',
      osCodename: 'noble',
      arch: process.arch,
      cpus: availableParallelism(),
      inContainer: true,
      addresses: [
        { interfaceName: 'lo', address: '127.0.0.1', prefixLength: 8, family: 'inet' },
        { interfaceName: 'ens3', address: '10.5.0.20', prefixLength: 24, family: 'inet' },
        { interfaceName: 'ens3', address: 'fe80::1', prefixLength: 64, family: 'inet6' },
      ],
      services: {},
    });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${...} is dpkg-query's format syntax.
    const format = '-f=${Package}\t${db:Status-Abbrev}\t${Version}\n';
    expect(bin.argvs()).toContainEqual(['dpkg-query', '-W', format, 'glance-common']);
    expect(bin.argvs()).toContainEqual(['systemd-detect-virt', '--container']);
    expect(bin.argvs()).toContainEqual(['ip', '-j', 'addr']);
  });

  it('reads a bare Debian host: nothing installed, no systemd, no detect-virt, quoted codename', async () => {
    bin
      .add('dpkg-query', { stderr: 'dpkg-query: no packages found matching glance-common', exit: 1 })
      .add('ip', { stdout: '[]' });
    put('/etc/os-release', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_CODENAME="bookworm"\n');
    const facts = await readHostFacts([]);
    expect(facts).toMatchObject({
      files: {},
      glanceCommonVersion: null,
      openstackReleaseFile: null,
      osCodename: 'bookworm',
      inContainer: false,
      addresses: [],
    });
  });

  it('reports on-demand packages in the same dpkg-query, purged ones as absent', async () => {
    bin
      .add('dpkg-query', {
        stdout: 'glance-common\tii \t2:28.0.0-0ubuntu1\nceph-common\trc \t19.2.0-0ubuntu0.24.04.1\n',
        stderr: 'dpkg-query: no packages found matching python3-rados',
        exit: 1,
      })
      .add('ip', { stdout: '[]' });
    const facts = await readHostFacts([], ['ceph-common', 'python3-rados']);
    expect(facts.glanceCommonVersion).toBe('2:28.0.0-0ubuntu1');
    expect(facts.packages).toEqual({ 'ceph-common': null, 'python3-rados': null });
    expect(bin.argvs().filter((a) => a[0] === 'dpkg-query')).toHaveLength(1);
  });

  it('fails with one line when ip says something unexpected', async () => {
    bin.add('dpkg-query', { exit: 1 }).add('ip', { stderr: 'Error: Unknown option -j', exit: 255 });
    await expect(readHostFacts([])).rejects.toThrow('ip -j addr failed (exit 255): Error: Unknown option -j');
  });
});
