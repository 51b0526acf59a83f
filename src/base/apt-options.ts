/**
 * apt-get options every apt run of the charm uses. apt waits up to five minutes for the dpkg lock
 * itself: cloud-init and unattended-upgrades hold it on fresh machines. (dispatch, a shell
 * script, passes the same wait when it installs Node.js.)
 */
export const APT_LOCK_WAIT = '--option=DPkg::Lock::Timeout=300';
