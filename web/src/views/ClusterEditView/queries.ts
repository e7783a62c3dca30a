import type { ApolloCache } from '@apollo/client';
import { graphql } from '../../gql';

export const ClusterEditFields = graphql(`
  fragment ClusterEditFields on Cluster {
    id
    key
    name
    version
    region {
      id
      code
      name
    }
    members(first: 100) {
      totalCount
      edges {
        role
        since
        version
        node {
          id
          key
          name
          kind
          provides {
            id
          }
        }
      }
    }
    needs {
      id
      key
      text
      kind
      version
    }
    valueChain {
      coveredShare
      providedShare
      chains {
        sectorKey
        sectorName
        coveredShare
        stages {
          position
          verdict
          stage {
            id
            key
            name
          }
          providers(first: 0) {
            totalCount
          }
        }
      }
    }
  }
`);

export const ClusterEditQuery = graphql(`
  query ClusterEditQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Cluster {
        ...ClusterEditFields
      }
    }
  }
`);

export const AddClusterMember = graphql(`
  mutation AddClusterMember($input: AddClusterMemberInput!) {
    addClusterMember(input: $input) {
      changeId
      cluster {
        ...ClusterEditFields
      }
    }
  }
`);

export const UpdateClusterMember = graphql(`
  mutation UpdateClusterMember($input: UpdateClusterMemberInput!) {
    updateClusterMember(input: $input) {
      changeId
      cluster {
        ...ClusterEditFields
      }
    }
  }
`);

export const RemoveClusterMember = graphql(`
  mutation RemoveClusterMember($input: RemoveClusterMemberInput!) {
    removeClusterMember(input: $input) {
      changeId
      cluster {
        ...ClusterEditFields
      }
    }
  }
`);

export const MarkStageProvided = graphql(`
  mutation MarkStageProvided($input: StageProvidedInput!) {
    markStageProvided(input: $input) {
      changeId
      organisation {
        id
        provides {
          id
        }
      }
    }
  }
`);

export const UnmarkStageProvided = graphql(`
  mutation UnmarkStageProvided($input: StageProvidedInput!) {
    unmarkStageProvided(input: $input) {
      changeId
      organisation {
        id
        provides {
          id
        }
      }
    }
  }
`);

export const CreateNeed = graphql(`
  mutation CreateNeed($input: CreateNeedInput!) {
    createNeed(input: $input) {
      changeId
      need {
        id
        key
        text
        kind
        version
      }
    }
  }
`);

/**
 * What a write of a cluster's members or stages makes stale beyond the cluster itself (whose
 * members and value chain the write's answer or the editing page's refetch bring anew): the
 * partner candidates and networks computed from them, and the organisations and stages touched.
 * Evicted fields are fetched again by the views that show them, when visited, so the value-chain
 * view never shows what was before the change.
 */
export function forgetDerived(cache: ApolloCache, touched: readonly string[] = []) {
  for (const fieldName of ['partnerCandidates', 'complementarity', 'network', 'egoNetwork']) {
    cache.evict({ id: 'ROOT_QUERY', fieldName });
  }
  for (const id of touched) {
    for (const typename of ['Organisation', 'ValueChainStage']) {
      const ref = cache.identify({ __typename: typename, id });
      cache.evict({ id: ref, fieldName: 'providers' });
      cache.evict({ id: ref, fieldName: 'clusters' });
    }
  }
  cache.gc();
}
