/** The roles of #12, weakest first: a role may do what the roles before it may. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who sent a request, from its `Authorization: Bearer` token (an API token or a JWT of the
 * configured identity provider). An editor edits the clusters in `clusterIds` (node keys, not
 * global ids) and their members; an admin edits everything.
 */
export type Viewer = {
  id: string;
  name: string;
  role: Role;
  clusterIds: readonly string[];
  via: 'token' | 'jwt';
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `viewer` has at least `role`. */
export function hasRole(viewer: Viewer | null, role: Role): boolean {
  return viewer !== null && ROLES.indexOf(viewer.role) >= ROLES.indexOf(role);
}

/** Whether `viewer` may edit the cluster with node key `clusterId`. */
export function editsCluster(viewer: Viewer | null, clusterId: string): boolean {
  if (!viewer) return false;
  if (viewer.role === 'admin') return true;
  return viewer.role === 'editor' && viewer.clusterIds.includes(clusterId);
}
