import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useParams } from 'react-router';
import { type EntityLabel, globalIdFromSlug } from '../app/paths.ts';

type NodeResult = { node?: { __typename: string } | null };

export type NodeQueryState<Node> =
  | { status: 'loading' }
  | { status: 'error'; error: { message: string }; retry: () => void }
  | { status: 'missing' }
  | { status: 'ready'; node: Node };

/**
 * The entity an entity page's URL names (`/clusters/:slug`), fetched by its view's query. A slug
 * the API could not have made, or an id of another type, is a missing entity, not a failure.
 */
export function useNodeQuery<Result extends NodeResult, Label extends EntityLabel>(
  query: TypedDocumentNode<Result, { id: string }>,
  label: Label,
): NodeQueryState<Extract<NonNullable<Result['node']>, { __typename: Label }>> {
  const { slug = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(query, {
    variables: { id: globalIdFromSlug(label, slug) },
  });
  const malformedId =
    CombinedGraphQLErrors.is(error) &&
    error.errors.some(
      (problem) => problem.extensions?.code === 'BAD_USER_INPUT' && problem.extensions.argument === 'id',
    );
  if (malformedId) return { status: 'missing' };
  if (error) return { status: 'error', error, retry: () => void refetch() };
  if (loading && !data) return { status: 'loading' };
  const node = data?.node;
  if (node?.__typename !== label) return { status: 'missing' };
  return { status: 'ready', node: node as Extract<NonNullable<Result['node']>, { __typename: Label }> };
}
