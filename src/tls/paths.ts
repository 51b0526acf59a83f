/**
 * Where TLS material lives on the host. Certificates are named after the name clients use
 * (cert_<cn>, key_<cn>), as the reference and its Apache vhost template expect.
 */
export const CERT_DIR = '/etc/apache2/ssl/glance';
export const CA_DIR = '/usr/local/share/ca-certificates';

export const certPath = (cn: string): string => `${CERT_DIR}/cert_${cn}`;
export const keyPath = (cn: string): string => `${CERT_DIR}/key_${cn}`;

/** The CA from the ssl_ca option (the reference's `juju-<charm>` name). */
export const CONFIG_CA_PATH = `${CA_DIR}/juju-glance.crt`;
/** The CA the certificates relation hands over, named after the application that signs. */
export const relationCaPath = (caApp: string): string => `${CA_DIR}/${caApp}_juju_ca_cert.crt`;

/** The unit's host name: the name of its own certificate on the certificates relation. */
export const HOSTNAME_PATH = '/etc/hostname';

export const SITE = 'openstack_https_frontend';
export const SITE_ENABLED_PATH = `/etc/apache2/sites-enabled/${SITE}.conf`;
export const APACHE_MODULES = ['ssl', 'proxy', 'proxy_http', 'headers'] as const;

/** Fixed paths the read phase loads for TLS decisions (host name, Apache's enabled site). */
export const TLS_STATE_PATHS: readonly string[] = [HOSTNAME_PATH, SITE_ENABLED_PATH];

/** A certificate name that is safe as part of a file name (host names, IPv4 and IPv6 addresses). */
export const isSafeCertName = (cn: string): boolean => /^[A-Za-z0-9*_-][A-Za-z0-9.:*_-]*$/.test(cn) && !cn.includes('..');

/** TLS files have names only known per hook; unit memory keeps the list for the next read. */
export const isTlsFilePath = (path: string): boolean => path.startsWith(`${CERT_DIR}/`) || path.startsWith(`${CA_DIR}/`);
