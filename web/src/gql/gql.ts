/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ClusterRow_cluster on Cluster {\n    id\n    name\n    nameLocal\n    acronym\n    synthetic\n    declaredMemberCount\n    members(first: 0) {\n      totalCount\n    }\n    sectors {\n      ...SectorChips_sectors\n    }\n    labels {\n      ...ExcellenceLabels_labels\n    }\n    ...RegionCell_cluster\n  }\n": typeof types.ClusterRow_ClusterFragmentDoc,
    "\n  fragment ExcellenceLabels_labels on ClusterLabel {\n    level\n    issuer\n    awardedOn\n    validUntil\n  }\n": typeof types.ExcellenceLabels_LabelsFragmentDoc,
    "\n  fragment MemberTable_members on ClusterMemberConnection {\n    totalCount\n    edges {\n      role\n      since\n      node {\n        id\n        name\n        acronym\n        kind\n        country\n      }\n    }\n  }\n": typeof types.MemberTable_MembersFragmentDoc,
    "\n  fragment PartnershipList_partnerships on Partnership {\n    id\n    name\n    kind\n    signedOn\n    partners {\n      id\n      name\n      acronym\n    }\n    clusters {\n      id\n      name\n    }\n  }\n": typeof types.PartnershipList_PartnershipsFragmentDoc,
    "\n  fragment ProjectList_projects on Project {\n    id\n    code\n    acronym\n    title\n    startDate\n    endDate\n    budgetAmount\n    budgetCurrency\n    programme {\n      id\n      name\n      acronym\n    }\n    coordinator {\n      id\n      name\n      acronym\n    }\n    # Only the count: the cooperation network lists the participants.\n    participantCount: participants(first: 0) {\n      totalCount\n    }\n  }\n": typeof types.ProjectList_ProjectsFragmentDoc,
    "\n  fragment RegionCell_cluster on Cluster {\n    region {\n      code\n      name\n    }\n    locatedIn {\n      region {\n        code\n        name\n      }\n    }\n  }\n": typeof types.RegionCell_ClusterFragmentDoc,
    "\n  fragment RegionClaims_cluster on Cluster {\n    region {\n      code\n      name\n    }\n    locatedIn {\n      region {\n        code\n        name\n      }\n      sources {\n        id\n        document\n        section\n      }\n    }\n  }\n": typeof types.RegionClaims_ClusterFragmentDoc,
    "\n  fragment RegionSelect_query on Query {\n    regions(first: 50, filter: { levels: [0, 1, 2] }, orderBy: CODE_ASC) {\n      edges {\n        node {\n          code\n          name\n          level\n        }\n      }\n    }\n  }\n": typeof types.RegionSelect_QueryFragmentDoc,
    "\n  fragment SectorChips_sectors on Sector {\n    code\n    name\n  }\n": typeof types.SectorChips_SectorsFragmentDoc,
    "\n  fragment SourceList_sources on Source {\n    id\n    document\n    section\n  }\n": typeof types.SourceList_SourcesFragmentDoc,
    "\n  fragment CooperationNetwork_cluster on Cluster {\n    id\n    name\n    acronym\n    managedBy {\n      id\n      name\n      acronym\n    }\n    members(first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          acronym\n        }\n      }\n    }\n    projects {\n      id\n      code\n      acronym\n      title\n      participants(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            acronym\n          }\n        }\n      }\n      clusters {\n        id\n        name\n        acronym\n      }\n    }\n    partnerships {\n      id\n      name\n      kind\n      partners {\n        id\n        name\n        acronym\n      }\n      clusters {\n        id\n        name\n        acronym\n      }\n    }\n  }\n": typeof types.CooperationNetwork_ClusterFragmentDoc,
    "\n  query ClusterQuery($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Cluster {\n        key\n        name\n        nameLocal\n        acronym\n        description\n        website\n        foundedOn\n        declaredMemberCount\n        synthetic\n        labels {\n          ...ExcellenceLabels_labels\n        }\n        sectors {\n          ...SectorChips_sectors\n        }\n        managedBy {\n          id\n          name\n          acronym\n          kind\n        }\n        sources {\n          ...SourceList_sources\n        }\n        members(first: 20) {\n          totalCount\n          ...MemberTable_members\n        }\n        projects {\n          id\n          ...ProjectList_projects\n        }\n        partnerships {\n          id\n          ...PartnershipList_partnerships\n        }\n        ...RegionClaims_cluster\n        ...CooperationNetwork_cluster\n      }\n    }\n  }\n": typeof types.ClusterQueryDocument,
    "\n  query ClustersQuery($first: Int!, $after: String, $filter: ClusterFilter, $orderBy: ClusterOrderBy) {\n    clusters(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ClusterRow_cluster\n        }\n      }\n    }\n    ...RegionSelect_query\n  }\n": typeof types.ClustersQueryDocument,
};
const documents: Documents = {
    "\n  fragment ClusterRow_cluster on Cluster {\n    id\n    name\n    nameLocal\n    acronym\n    synthetic\n    declaredMemberCount\n    members(first: 0) {\n      totalCount\n    }\n    sectors {\n      ...SectorChips_sectors\n    }\n    labels {\n      ...ExcellenceLabels_labels\n    }\n    ...RegionCell_cluster\n  }\n": types.ClusterRow_ClusterFragmentDoc,
    "\n  fragment ExcellenceLabels_labels on ClusterLabel {\n    level\n    issuer\n    awardedOn\n    validUntil\n  }\n": types.ExcellenceLabels_LabelsFragmentDoc,
    "\n  fragment MemberTable_members on ClusterMemberConnection {\n    totalCount\n    edges {\n      role\n      since\n      node {\n        id\n        name\n        acronym\n        kind\n        country\n      }\n    }\n  }\n": types.MemberTable_MembersFragmentDoc,
    "\n  fragment PartnershipList_partnerships on Partnership {\n    id\n    name\n    kind\n    signedOn\n    partners {\n      id\n      name\n      acronym\n    }\n    clusters {\n      id\n      name\n    }\n  }\n": types.PartnershipList_PartnershipsFragmentDoc,
    "\n  fragment ProjectList_projects on Project {\n    id\n    code\n    acronym\n    title\n    startDate\n    endDate\n    budgetAmount\n    budgetCurrency\n    programme {\n      id\n      name\n      acronym\n    }\n    coordinator {\n      id\n      name\n      acronym\n    }\n    # Only the count: the cooperation network lists the participants.\n    participantCount: participants(first: 0) {\n      totalCount\n    }\n  }\n": types.ProjectList_ProjectsFragmentDoc,
    "\n  fragment RegionCell_cluster on Cluster {\n    region {\n      code\n      name\n    }\n    locatedIn {\n      region {\n        code\n        name\n      }\n    }\n  }\n": types.RegionCell_ClusterFragmentDoc,
    "\n  fragment RegionClaims_cluster on Cluster {\n    region {\n      code\n      name\n    }\n    locatedIn {\n      region {\n        code\n        name\n      }\n      sources {\n        id\n        document\n        section\n      }\n    }\n  }\n": types.RegionClaims_ClusterFragmentDoc,
    "\n  fragment RegionSelect_query on Query {\n    regions(first: 50, filter: { levels: [0, 1, 2] }, orderBy: CODE_ASC) {\n      edges {\n        node {\n          code\n          name\n          level\n        }\n      }\n    }\n  }\n": types.RegionSelect_QueryFragmentDoc,
    "\n  fragment SectorChips_sectors on Sector {\n    code\n    name\n  }\n": types.SectorChips_SectorsFragmentDoc,
    "\n  fragment SourceList_sources on Source {\n    id\n    document\n    section\n  }\n": types.SourceList_SourcesFragmentDoc,
    "\n  fragment CooperationNetwork_cluster on Cluster {\n    id\n    name\n    acronym\n    managedBy {\n      id\n      name\n      acronym\n    }\n    members(first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          acronym\n        }\n      }\n    }\n    projects {\n      id\n      code\n      acronym\n      title\n      participants(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            acronym\n          }\n        }\n      }\n      clusters {\n        id\n        name\n        acronym\n      }\n    }\n    partnerships {\n      id\n      name\n      kind\n      partners {\n        id\n        name\n        acronym\n      }\n      clusters {\n        id\n        name\n        acronym\n      }\n    }\n  }\n": types.CooperationNetwork_ClusterFragmentDoc,
    "\n  query ClusterQuery($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Cluster {\n        key\n        name\n        nameLocal\n        acronym\n        description\n        website\n        foundedOn\n        declaredMemberCount\n        synthetic\n        labels {\n          ...ExcellenceLabels_labels\n        }\n        sectors {\n          ...SectorChips_sectors\n        }\n        managedBy {\n          id\n          name\n          acronym\n          kind\n        }\n        sources {\n          ...SourceList_sources\n        }\n        members(first: 20) {\n          totalCount\n          ...MemberTable_members\n        }\n        projects {\n          id\n          ...ProjectList_projects\n        }\n        partnerships {\n          id\n          ...PartnershipList_partnerships\n        }\n        ...RegionClaims_cluster\n        ...CooperationNetwork_cluster\n      }\n    }\n  }\n": types.ClusterQueryDocument,
    "\n  query ClustersQuery($first: Int!, $after: String, $filter: ClusterFilter, $orderBy: ClusterOrderBy) {\n    clusters(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ClusterRow_cluster\n        }\n      }\n    }\n    ...RegionSelect_query\n  }\n": types.ClustersQueryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClusterRow_cluster on Cluster {\n    id\n    name\n    nameLocal\n    acronym\n    synthetic\n    declaredMemberCount\n    members(first: 0) {\n      totalCount\n    }\n    sectors {\n      ...SectorChips_sectors\n    }\n    labels {\n      ...ExcellenceLabels_labels\n    }\n    ...RegionCell_cluster\n  }\n"): (typeof documents)["\n  fragment ClusterRow_cluster on Cluster {\n    id\n    name\n    nameLocal\n    acronym\n    synthetic\n    declaredMemberCount\n    members(first: 0) {\n      totalCount\n    }\n    sectors {\n      ...SectorChips_sectors\n    }\n    labels {\n      ...ExcellenceLabels_labels\n    }\n    ...RegionCell_cluster\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExcellenceLabels_labels on ClusterLabel {\n    level\n    issuer\n    awardedOn\n    validUntil\n  }\n"): (typeof documents)["\n  fragment ExcellenceLabels_labels on ClusterLabel {\n    level\n    issuer\n    awardedOn\n    validUntil\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberTable_members on ClusterMemberConnection {\n    totalCount\n    edges {\n      role\n      since\n      node {\n        id\n        name\n        acronym\n        kind\n        country\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment MemberTable_members on ClusterMemberConnection {\n    totalCount\n    edges {\n      role\n      since\n      node {\n        id\n        name\n        acronym\n        kind\n        country\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PartnershipList_partnerships on Partnership {\n    id\n    name\n    kind\n    signedOn\n    partners {\n      id\n      name\n      acronym\n    }\n    clusters {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment PartnershipList_partnerships on Partnership {\n    id\n    name\n    kind\n    signedOn\n    partners {\n      id\n      name\n      acronym\n    }\n    clusters {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectList_projects on Project {\n    id\n    code\n    acronym\n    title\n    startDate\n    endDate\n    budgetAmount\n    budgetCurrency\n    programme {\n      id\n      name\n      acronym\n    }\n    coordinator {\n      id\n      name\n      acronym\n    }\n    # Only the count: the cooperation network lists the participants.\n    participantCount: participants(first: 0) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  fragment ProjectList_projects on Project {\n    id\n    code\n    acronym\n    title\n    startDate\n    endDate\n    budgetAmount\n    budgetCurrency\n    programme {\n      id\n      name\n      acronym\n    }\n    coordinator {\n      id\n      name\n      acronym\n    }\n    # Only the count: the cooperation network lists the participants.\n    participantCount: participants(first: 0) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RegionCell_cluster on Cluster {\n    region {\n      code\n      name\n    }\n    locatedIn {\n      region {\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RegionCell_cluster on Cluster {\n    region {\n      code\n      name\n    }\n    locatedIn {\n      region {\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RegionClaims_cluster on Cluster {\n    region {\n      code\n      name\n    }\n    locatedIn {\n      region {\n        code\n        name\n      }\n      sources {\n        id\n        document\n        section\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RegionClaims_cluster on Cluster {\n    region {\n      code\n      name\n    }\n    locatedIn {\n      region {\n        code\n        name\n      }\n      sources {\n        id\n        document\n        section\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RegionSelect_query on Query {\n    regions(first: 50, filter: { levels: [0, 1, 2] }, orderBy: CODE_ASC) {\n      edges {\n        node {\n          code\n          name\n          level\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RegionSelect_query on Query {\n    regions(first: 50, filter: { levels: [0, 1, 2] }, orderBy: CODE_ASC) {\n      edges {\n        node {\n          code\n          name\n          level\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SectorChips_sectors on Sector {\n    code\n    name\n  }\n"): (typeof documents)["\n  fragment SectorChips_sectors on Sector {\n    code\n    name\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SourceList_sources on Source {\n    id\n    document\n    section\n  }\n"): (typeof documents)["\n  fragment SourceList_sources on Source {\n    id\n    document\n    section\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CooperationNetwork_cluster on Cluster {\n    id\n    name\n    acronym\n    managedBy {\n      id\n      name\n      acronym\n    }\n    members(first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          acronym\n        }\n      }\n    }\n    projects {\n      id\n      code\n      acronym\n      title\n      participants(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            acronym\n          }\n        }\n      }\n      clusters {\n        id\n        name\n        acronym\n      }\n    }\n    partnerships {\n      id\n      name\n      kind\n      partners {\n        id\n        name\n        acronym\n      }\n      clusters {\n        id\n        name\n        acronym\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CooperationNetwork_cluster on Cluster {\n    id\n    name\n    acronym\n    managedBy {\n      id\n      name\n      acronym\n    }\n    members(first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          acronym\n        }\n      }\n    }\n    projects {\n      id\n      code\n      acronym\n      title\n      participants(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            acronym\n          }\n        }\n      }\n      clusters {\n        id\n        name\n        acronym\n      }\n    }\n    partnerships {\n      id\n      name\n      kind\n      partners {\n        id\n        name\n        acronym\n      }\n      clusters {\n        id\n        name\n        acronym\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClusterQuery($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Cluster {\n        key\n        name\n        nameLocal\n        acronym\n        description\n        website\n        foundedOn\n        declaredMemberCount\n        synthetic\n        labels {\n          ...ExcellenceLabels_labels\n        }\n        sectors {\n          ...SectorChips_sectors\n        }\n        managedBy {\n          id\n          name\n          acronym\n          kind\n        }\n        sources {\n          ...SourceList_sources\n        }\n        members(first: 20) {\n          totalCount\n          ...MemberTable_members\n        }\n        projects {\n          id\n          ...ProjectList_projects\n        }\n        partnerships {\n          id\n          ...PartnershipList_partnerships\n        }\n        ...RegionClaims_cluster\n        ...CooperationNetwork_cluster\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClusterQuery($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Cluster {\n        key\n        name\n        nameLocal\n        acronym\n        description\n        website\n        foundedOn\n        declaredMemberCount\n        synthetic\n        labels {\n          ...ExcellenceLabels_labels\n        }\n        sectors {\n          ...SectorChips_sectors\n        }\n        managedBy {\n          id\n          name\n          acronym\n          kind\n        }\n        sources {\n          ...SourceList_sources\n        }\n        members(first: 20) {\n          totalCount\n          ...MemberTable_members\n        }\n        projects {\n          id\n          ...ProjectList_projects\n        }\n        partnerships {\n          id\n          ...PartnershipList_partnerships\n        }\n        ...RegionClaims_cluster\n        ...CooperationNetwork_cluster\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClustersQuery($first: Int!, $after: String, $filter: ClusterFilter, $orderBy: ClusterOrderBy) {\n    clusters(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ClusterRow_cluster\n        }\n      }\n    }\n    ...RegionSelect_query\n  }\n"): (typeof documents)["\n  query ClustersQuery($first: Int!, $after: String, $filter: ClusterFilter, $orderBy: ClusterOrderBy) {\n    clusters(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ClusterRow_cluster\n        }\n      }\n    }\n    ...RegionSelect_query\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;