/** The ports glance's API passes through on a unit (the reference charm's API_PORTS). */

/** haproxy's frontend: the port the charm opens and the keystone catalogue names. */
export const API_PORT = 9292;
/** haproxy's backends: Apache when it terminates TLS, else glance-api itself. */
export const BACKEND_PORT = 9282;
/** glance-api behind Apache TLS. */
export const INTERNAL_PORT = 9272;
