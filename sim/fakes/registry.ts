/** Fake command name → behaviour. The engine links the fake command shim under each name. */
import { a2dissite, a2ensite, cephAuthtool } from './files.js';
import { getent, ip, systemdDetectVirt } from './host-info.js';
import { aptGet, dpkgQuery } from './packages.js';
import { a2enmod, haproxy, succeed } from './quiet.js';
import { service, systemctl } from './services.js';
import type { FakeCommand } from './types.js';

export const FAKE_COMMANDS: Readonly<Record<string, FakeCommand>> = {
  'a2dissite': a2dissite,
  'a2enmod': a2enmod,
  'a2ensite': a2ensite,
  'add-apt-repository': succeed(),
  'apt-get': aptGet,
  'ceph-authtool': cephAuthtool,
  'dpkg-query': dpkgQuery,
  'getent': getent,
  'glance-manage': succeed(),
  'haproxy': haproxy,
  'ip': ip,
  'service': service,
  'systemctl': systemctl,
  'systemd-detect-virt': systemdDetectVirt,
  'update-alternatives': succeed(),
  'update-ca-certificates': succeed('Updating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\n'),
};
