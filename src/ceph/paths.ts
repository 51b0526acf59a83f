/** Where the ceph relation's material lives on the host, and the package that reads it. */
export const CEPH_PACKAGE = 'ceph-common';
export const SYSTEM_CEPH_CONF = '/etc/ceph/ceph.conf';

export const keyringPath = (appName: string): string => `/etc/ceph/ceph.client.${appName}.keyring`;
/** The charm's own ceph.conf, made the system's through update-alternatives (priority 50, as the reference). */
export const charmCephConf = (appName: string): string => `/var/lib/charm/${appName}/ceph.conf`;
