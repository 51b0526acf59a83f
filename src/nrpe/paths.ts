/**
 * Where the NRPE subordinate (nrpe-external-master) looks for what a principal charm adds: check
 * commands in nrpe.d (every file there is parsed as NRPE config), Nagios service definitions in
 * the export directory (collected for the Nagios server), and plugins under /usr/local.
 */
export const NRPE_CONF_DIR = '/etc/nagios/nrpe.d';
export const NAGIOS_EXPORT_DIR = '/var/lib/nagios/export';
export const PLUGIN_DIR = '/usr/local/lib/nagios/plugins';
/** Restarted after check commands change, so NRPE serves the new ones. */
export const NRPE_SERVICE = 'nagios-nrpe-server';

export const checkCommand = (shortname: string): string => `check_${shortname}`;
export const checkFilePath = (shortname: string): string => `${NRPE_CONF_DIR}/${checkCommand(shortname)}.cfg`;
export const exportFileName = (hostname: string, shortname: string): string =>
  `service__${hostname}_${checkCommand(shortname)}.cfg`;
export const pluginPath = (name: string): string => `${PLUGIN_DIR}/${name}`;

/**
 * The haproxy statistics credentials for the haproxy checks, as a curl config file: NRPE runs
 * checks as the nagios user, who cannot read haproxy.cfg (it holds the password, mode 0640), and a
 * password in the check's command line would show in `ps`.
 */
export const statsCredentialsPath = (appName: string): string => `/etc/nagios/${appName}-haproxy-stats.curlrc`;
