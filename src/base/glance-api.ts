/**
 * The sections glance-api.conf holds besides a cinder volume type's: its own (templates/) and the
 * image stores' (src/stores/). A cinder volume type becomes a section and an `enabled_backends`
 * name, so it may be none of these (test/unit/base/glance-api.test.ts keeps the list complete).
 */
export const GLANCE_API_SECTIONS: readonly string[] = [
  'DEFAULT', 'audit_middleware_notifications', 'barbican', 'database', 'filter:audit', 'glance_store',
  'image_conversion', 'image_format', 'image_import_opts', 'inject_metadata_properties', 'keystone_authtoken',
  'oslo_messaging_notifications', 'oslo_messaging_rabbit', 'oslo_middleware', 'oslo_policy', 'paste_deploy',
  'local', 'ceph', 'swift', 's3',
];
