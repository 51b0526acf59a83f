/**
 * The pieces of what glance asks hacluster to run, before they are encoded as json_* keys
 * (hacluster-data.ts). Resource names use the fixed service name `glance`, as the reference did,
 * so a unit upgraded from the Python charm keeps its existing pacemaker resources.
 */
export const SERVICE = 'glance';

export interface ClusterResources {
  /** resource name → agent ("lsb:haproxy", "ocf:heartbeat:IPaddr2", "ocf:maas:dns") */
  resources: Record<string, string>;
  resource_params: Record<string, string>;
  init_services: Record<string, string>;
  clones: Record<string, string>;
  groups: Record<string, string>;
  /** Resources hacluster should remove (names older charm versions used). */
  delete_resources: string[];
}

/** haproxy runs on every unit, as a clone pacemaker watches (always part of the data). */
export function haproxyResources(): ClusterResources {
  const res = `res_${SERVICE}_haproxy`;
  return {
    resources: { [res]: 'lsb:haproxy' },
    resource_params: { [res]: 'meta migration-threshold="INFINITY" failure-timeout="5s" op monitor interval="5s"' },
    init_services: { [res]: 'haproxy' },
    clones: { [`cl_${SERVICE}_haproxy`]: res },
    groups: {},
    delete_resources: [],
  };
}

export function mergeResources(a: ClusterResources, b: ClusterResources): ClusterResources {
  return {
    resources: { ...a.resources, ...b.resources },
    resource_params: { ...a.resource_params, ...b.resource_params },
    init_services: { ...a.init_services, ...b.init_services },
    clones: { ...a.clones, ...b.clones },
    groups: { ...a.groups, ...b.groups },
    delete_resources: [...a.delete_resources, ...b.delete_resources],
  };
}
