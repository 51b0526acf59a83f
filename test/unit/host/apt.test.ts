import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apply, type EffectTools } from '../../../src/effects/apply.js';
import { aptDistUpgrade, aptInstall, aptPurge, aptUpdate } from '../../../src/host/apt.js';
import { hookContextFromEnv } from '../../../src/juju/context.js';
import { planPackageSource } from '../../../src/package-source/plan.js';
import { FakeBin } from '../../fixtures/fake-bin.js';

let bin: FakeBin;
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'fsroot-'));
  process.env.CHARM_FS_ROOT = root;
  bin = new FakeBin(['DEBIAN_FRONTEND', 'http_proxy', 'https_proxy', 'no_proxy']).add('apt-get').add('add-apt-repository');
});
afterEach(() => {
  bin.dispose();
  delete process.env.CHARM_FS_ROOT;
});

describe('apt', () => {
  it('runs apt-get non-interactively, waiting for the dpkg lock, keeping changed config files', async () => {
    await aptUpdate();
    await aptInstall(['glance', 'python3-rados']);
    await aptInstall([]);
    await aptPurge(['glance-registry']);
    await aptDistUpgrade();
    const calls = bin.calls();
    expect(calls.map((c) => c.argv)).toEqual([
      ['apt-get', '--option=DPkg::Lock::Timeout=300', 'update'],
      ['apt-get', '-y', '--option=DPkg::Lock::Timeout=300', '--option=Dpkg::Options::=--force-confold', 'install', 'glance', 'python3-rados'],
      ['apt-get', '-y', '--option=DPkg::Lock::Timeout=300', 'purge', 'glance-registry'],
      [
        'apt-get',
        '-y',
        '--option=DPkg::Lock::Timeout=300',
        '--option=Dpkg::Options::=--force-confnew',
        '--option=Dpkg::Options::=--force-confdef',
        'dist-upgrade',
      ],
    ]);
    expect(calls.every((c) => c.env.DEBIAN_FRONTEND === 'noninteractive')).toBe(true);
  });

  // Juju writes the model's apt proxies into apt's own configuration (apt.conf.d); the
  // JUJU_CHARM_* proxies are for what the charm fetches itself, with their no-proxy list: read
  // with the hook context, planned into the add-apt-repository command, carried out by apply().
  it("leaves apt-get's proxies to Juju's apt settings; add-apt-repository gets the charm proxies and no_proxy", async () => {
    const hook = hookContextFromEnv(
      {
        JUJU_DISPATCH_PATH: 'hooks/install',
        JUJU_UNIT_NAME: 'glance/0',
        JUJU_CHARM_HTTP_PROXY: 'http://squid.internal:3128',
        JUJU_CHARM_HTTPS_PROXY: 'http://squid.internal:3129',
        JUJU_CHARM_NO_PROXY: '10.0.0.0/8,archive.internal',
        JUJU_CHARM_FTP_PROXY: '',
      },
      '/charm',
    );
    const source = planPackageSource('ppa:team/glance', { series: 'noble', arch: 'x64', proxy: hook.charmProxy });
    if (!source.ok) throw new Error(source.problem.message);
    const tools = { flush: async () => undefined } as unknown as EffectTools;
    await apply({ effects: [{ kind: 'apt-install', packages: ['glance'] }, ...source.effects] }, { tools });
    const [apt, ppa] = bin.calls();
    expect(apt?.argv[0]).toBe('apt-get');
    // FakeBin records an unset variable as ''.
    expect([apt?.env.http_proxy, apt?.env.https_proxy, apt?.env.no_proxy]).toEqual(['', '', '']);
    expect(ppa?.argv).toEqual(['add-apt-repository', '--yes', 'ppa:team/glance']);
    expect(ppa?.env).toMatchObject({ http_proxy: 'http://squid.internal:3128', https_proxy: 'http://squid.internal:3129', no_proxy: '10.0.0.0/8,archive.internal' });
  });

  it('writes a planned source file with its owner and mode under the root', async () => {
    const source = planPackageSource('cloud:jammy-caracal', { series: 'jammy', arch: 'x64' });
    if (!source.ok) throw new Error(source.problem.message);
    const tools = { flush: async () => undefined } as unknown as EffectTools;
    await apply(source, { tools });
    expect(bin.argvs()).toEqual([
      ['apt-get', '-y', '--option=DPkg::Lock::Timeout=300', '--option=Dpkg::Options::=--force-confold', 'install', 'ubuntu-cloud-keyring'],
    ]);
    const list = join(root, 'etc/apt/sources.list.d/cloud-archive.list');
    expect(readFileSync(list, 'utf8')).toBe(
      '# Ubuntu Cloud Archive\ndeb http://ubuntu-cloud.archive.canonical.com/ubuntu jammy-updates/caracal main\n',
    );
    expect(statSync(list).mode & 0o777).toBe(0o644);
  });
});
