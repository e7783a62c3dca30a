import { NetworkStatus, type OperationVariables } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback } from 'react';

export type Connection<Row> = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: readonly { node: Row }[];
};

/** The API's largest page: what an export asks for at a time. */
const EXPORT_PAGE = 100;

/**
 * One page of a root list, more on request ("load more" appends through the cache's relay
 * pagination), and every row of the same filter for an export, fetched page by page outside the
 * cache so the list on screen is left as it is.
 */
export function useListQuery<
  Result,
  Variables extends OperationVariables & { first: number; after?: string | null },
  Row,
>(
  query: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  pick: (data: Result) => Connection<Row>,
) {
  const client = useApolloClient();
  const { data, previousData, error, fetchMore, networkStatus, refetch } = useQuery(query, {
    variables,
    notifyOnNetworkStatusChange: true,
  } as useQuery.Options<Result, Variables>);
  const shown = data ?? previousData;
  const exportAll = useCallback(async () => {
    const rows: Row[] = [];
    let after: string | null | undefined = null;
    do {
      const page = await client.query({
        query,
        variables: { ...variables, first: EXPORT_PAGE, after },
        fetchPolicy: 'no-cache',
      } as Parameters<typeof client.query<Result, Variables>>[0]);
      if (!page.data) throw new Error('The export could not be loaded.');
      const connection = pick(page.data);
      rows.push(...connection.edges.map((edge) => edge.node));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    return rows;
  }, [client, query, variables, pick]);
  return {
    data: shown,
    connection: shown ? pick(shown) : undefined,
    error,
    retry: () => void refetch(),
    refreshing: networkStatus === NetworkStatus.setVariables || networkStatus === NetworkStatus.loading,
    loadingMore: networkStatus === NetworkStatus.fetchMore,
    loadMore: (after: string) => void fetchMore({ variables: { after } as Partial<Variables> }),
    exportAll,
  };
}
