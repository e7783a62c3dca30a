import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { ViewerQueryQuery } from '../gql/graphql.ts';
import { useSessionToken } from './session.ts';

export const ViewerQuery = graphql(`
  query ViewerQuery {
    viewer {
      id
      name
      role
      via
      clusters {
        id
        key
        name
      }
    }
  }
`);

export type SignedInViewer = NonNullable<ViewerQueryQuery['viewer']>;

/** Who is signed in, as the API says from the token; null when nobody is. */
export function useViewer(): { viewer: SignedInViewer | null; loading: boolean } {
  const token = useSessionToken();
  const { data, loading } = useQuery(ViewerQuery, { skip: token === null });
  if (token === null) return { viewer: null, loading: false };
  return { viewer: data?.viewer ?? null, loading: loading && !data };
}

/** An admin edits every cluster; an editor the clusters of its token; a viewer none. */
export function mayEditCluster(viewer: SignedInViewer | null, clusterId: string): boolean {
  if (!viewer) return false;
  if (viewer.role === 'ADMIN') return true;
  return viewer.role === 'EDITOR' && viewer.clusters.some((cluster) => cluster.id === clusterId);
}

export const ROLE_NAMES: Record<SignedInViewer['role'], string> = {
  VIEWER: 'viewer',
  EDITOR: 'editor',
  ADMIN: 'admin',
};
