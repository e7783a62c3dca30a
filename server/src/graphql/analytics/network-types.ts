import {
  BROKERAGE_DIMENSIONS,
  type BrokerRole,
  type MetricId,
  type MetricResult,
  NETWORK_NODE_KINDS,
  type NetworkDescription,
  type NetworkNodeAttributes,
  ORIGINS,
  TIE_KINDS,
  type TieAttributes,
} from '@clustergraph/analytics';
import { toGlobalId } from '@clustergraph/schema';
import { builder } from '../builder.ts';
import { unplanned } from '../reads.ts';
import { OrganisationKind } from '../types/shared.ts';

export const NetworkNodeKind = builder.enumType('NetworkNodeKind', {
  description: 'What the nodes of a cooperation network are.',
  values: NETWORK_NODE_KINDS,
});

export const TieKind = builder.enumType('TieKind', {
  description:
    'What ties two organisations: a shared project (CO_PARTICIPATION), a shared cluster (CO_MEMBERSHIP), a shared partnership (PARTNERSHIP), or any of them (ALL).',
  values: TIE_KINDS,
});

export const DataOrigin = builder.enumType('DataOrigin', {
  description: 'Where data came from: the curated files, an import, or the synthetic generator.',
  values: ORIGINS,
});

/** The GraphQL names of the metrics, UPPER_SNAKE, and the registry's ids they stand for. */
export const METRIC_OF_NAME = {
  DEGREE: 'degree',
  WEIGHTED_DEGREE: 'weightedDegree',
  BETWEENNESS: 'betweenness',
  PAGERANK: 'pagerank',
  LOUVAIN: 'louvain',
  COMPONENTS: 'components',
  BROKERAGE: 'brokerage',
} as const satisfies Record<string, MetricId>;
export type MetricName = keyof typeof METRIC_OF_NAME;
const NAME_OF_METRIC = Object.fromEntries(
  Object.entries(METRIC_OF_NAME).map(([name, id]) => [id, name]),
) as Record<MetricId, MetricName>;

export const NetworkMetric = builder.enumType('NetworkMetric', {
  description:
    'A metric of a cooperation network: DEGREE (partners), WEIGHTED_DEGREE (shared projects, clusters, partnerships), BETWEENNESS (on shortest paths: exact under 5,000 nodes, else sampled from 200 seeded sources), PAGERANK (weighted), LOUVAIN (community, seeded), COMPONENTS (connected part, 0 the largest), BROKERAGE (pairs of clusters, regions or kinds only this node connects).',
  values: Object.keys(METRIC_OF_NAME) as MetricName[],
});

export const BrokerageDimension = builder.enumType('BrokerageDimension', {
  description: 'The groups a broker links: clusters, regions or organisation kinds.',
  values: BROKERAGE_DIMENSIONS,
});

export const BoundPeriodInput = builder.inputType('BoundPeriodInput', {
  description:
    'A range of partial dates: "2014" is the whole year, "2014-06" the whole month, "2014-06-15" a day. From the first day of `from` to the last day of `to`, both included; a project is in it when its period overlaps it.',
  fields: (t) => ({
    from: t.string({ required: false, description: 'First partial date, e.g. "2014" or "2014-06".' }),
    to: t.string({ required: false, description: 'Last partial date, e.g. "2020" or "2020-12".' }),
  }),
});

export const FilterNetworkInput = builder.inputType('FilterNetworkInput', {
  description:
    'Which cooperation network: what the nodes are, what ties them, and which organisations and projects count. Region and sector select the organisations (or, for CLUSTER and REGION networks, the clusters and regions); programme and period select the projects that tie them.',
  fields: (t) => ({
    nodeKind: t.field({ type: NetworkNodeKind, required: false, description: 'Default ORGANISATION.' }),
    tieKind: t.field({ type: TieKind, required: false, description: 'Default CO_PARTICIPATION.' }),
    regionCode: t.string({
      required: false,
      description: 'A NUTS or country code: that region and its sub-regions.',
    }),
    sectorCode: t.string({ required: false, description: 'A sector code, e.g. "AGRIFOOD".' }),
    organisationKinds: t.field({
      type: [OrganisationKind],
      required: false,
      description: 'Only these kinds.',
    }),
    programmeId: t.id({ required: false, description: 'Global id of a programme: only its projects tie.' }),
    clusterId: t.id({
      required: false,
      description:
        'Global id of a cluster: only its members, tied by what they share (ORGANISATION networks only).',
    }),
    period: t.field({
      type: BoundPeriodInput,
      required: false,
      description: 'Only projects overlapping this range tie.',
    }),
    origins: t.field({ type: [DataOrigin], required: false, description: 'Only data of these origins.' }),
    minWeight: t.int({ required: false, description: 'Ties lighter than this are left out (default 1).' }),
    regionLevel: t.int({
      required: false,
      description:
        'For REGION networks: the NUTS level regions roll up to (0 country ... 3); default as located.',
    }),
  }),
});

export const NamedValue = builder.objectRef<{ name: string; value: string }>('NamedValue').implement({
  description: 'A parameter or a figure of a metric run, as text.',
  extensions: unplanned,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name, e.g. "samples" or "modularity".' }),
    value: t.exposeString('value', { description: 'Its value as text.' }),
  }),
});

const named = (record: Readonly<Record<string, unknown>>) =>
  Object.entries(record).map(([name, value]) => ({ name, value: String(value) }));

export const MetricRun = builder.objectRef<MetricResult>('MetricRun').implement({
  description: 'One metric computed on the network, with its parameters and the figures about the whole.',
  extensions: unplanned,
  fields: (t) => ({
    metric: t.field({ type: NetworkMetric, resolve: (run) => NAME_OF_METRIC[run.metric] }),
    parameters: t.field({
      type: [NamedValue],
      description: 'The parameters it ran with (seed, samples, ...), null ones included.',
      resolve: (run) => named(run.parameters),
    }),
    summary: t.field({
      type: [NamedValue],
      description:
        'Figures about the whole network: modularity, communityCount, componentCount, exact, samples, ...',
      resolve: (run) => named(run.summary),
    }),
  }),
});

export const NetworkDescriptionRef = builder.objectRef<NetworkDescription>('NetworkDescription').implement({
  description: 'The network a result was computed on: the filter with its defaults, and its size.',
  extensions: unplanned,
  fields: (t) => ({
    nodeKind: t.field({ type: NetworkNodeKind, resolve: (d) => d.nodeKind }),
    tieKind: t.field({ type: TieKind, resolve: (d) => d.tieKind }),
    regionCode: t.string({ nullable: true, resolve: (d) => d.regionCode }),
    sectorCode: t.string({ nullable: true, resolve: (d) => d.sectorCode }),
    organisationKinds: t.stringList({
      nullable: true,
      resolve: (d) => d.organisationKinds as string[] | null,
    }),
    programmeKey: t.string({
      nullable: true,
      description: 'The programme’s key.',
      resolve: (d) => d.programmeId,
    }),
    clusterKey: t.string({
      nullable: true,
      description: 'The key of the cluster whose members the network is made of.',
      resolve: (d) => d.clusterId,
    }),
    periodFrom: t.string({ nullable: true, resolve: (d) => d.period.from }),
    periodTo: t.string({ nullable: true, resolve: (d) => d.period.to }),
    origins: t.stringList({ nullable: true, resolve: (d) => d.origins as string[] | null }),
    minWeight: t.int({ resolve: (d) => d.minWeight }),
    regionLevel: t.int({ nullable: true, resolve: (d) => d.regionLevel }),
    nodeCount: t.int({
      description: 'Nodes of the whole network (before any cap).',
      resolve: (d) => d.nodeCount,
    }),
    edgeCount: t.int({
      description: 'Ties of the whole network (before any cap).',
      resolve: (d) => d.edgeCount,
    }),
  }),
});

const GroupPair = builder.objectRef<[string, string]>('GroupPair').implement({
  description: 'Two groups (cluster keys, region codes or kinds) a broker alone connects.',
  extensions: unplanned,
  fields: (t) => ({
    first: t.string({ resolve: (pair) => pair[0] }),
    second: t.string({ resolve: (pair) => pair[1] }),
  }),
});

export const BrokerRoleRef = builder.objectRef<BrokerRole>('BrokerRole').implement({
  description: 'The groups of one kind a node alone connects.',
  extensions: unplanned,
  fields: (t) => ({
    dimension: t.field({ type: BrokerageDimension, resolve: (role) => role.dimension }),
    pairCount: t.int({
      description: 'How many pairs of groups only this node connects.',
      resolve: (role) => role.pairCount,
    }),
    pairs: t.field({
      type: [GroupPair],
      description: 'Up to ten of those pairs (cluster keys, region codes or kinds).',
      resolve: (role) => role.pairs,
    }),
  }),
});

export type NodeShape = {
  key: string;
  attributes: NetworkNodeAttributes;
  metrics: ReadonlyMap<MetricId, MetricResult>;
  distance?: number;
};

const value = (node: NodeShape, id: MetricId) => node.metrics.get(id)?.values.get(node.key) ?? null;

export const NetworkNodeRef = builder.objectRef<NodeShape>('NetworkNode').implement({
  description: 'A node of a cooperation network, with the metrics asked for (null when not asked).',
  extensions: unplanned,
  fields: (t) => ({
    key: t.string({ description: 'Organisation or cluster key, or region code.', resolve: (n) => n.key }),
    id: t.id({
      nullable: true,
      description: 'Global id of the organisation or cluster; null for a region (its code is the key).',
      resolve: (n) =>
        n.attributes.kind === 'ORGANISATION'
          ? toGlobalId('Organisation', n.key)
          : n.attributes.kind === 'CLUSTER'
            ? toGlobalId('Cluster', n.key)
            : null,
    }),
    kind: t.field({ type: NetworkNodeKind, resolve: (n) => n.attributes.kind }),
    label: t.string({ resolve: (n) => n.attributes.label }),
    organisationKind: t.string({ nullable: true, resolve: (n) => n.attributes.organisationKind }),
    regionCode: t.string({ nullable: true, resolve: (n) => n.attributes.regionCode }),
    clusterKeys: t.stringList({
      description: 'Clusters an organisation is a member of.',
      resolve: (n) => [...n.attributes.clusterIds],
    }),
    memberCount: t.int({
      description: 'Organisations a cluster or region node stands for (1 for an organisation).',
      resolve: (n) => n.attributes.memberCount,
    }),
    internalWeight: t.float({
      description: 'Weight of ties inside a cluster or region node.',
      resolve: (n) => n.attributes.internalWeight,
    }),
    distance: t.int({
      nullable: true,
      description: 'In an ego network: hops from the centre.',
      resolve: (n) => n.distance ?? null,
    }),
    degree: t.int({ nullable: true, resolve: (n) => value(n, 'degree') }),
    weightedDegree: t.float({ nullable: true, resolve: (n) => value(n, 'weightedDegree') }),
    betweenness: t.float({
      nullable: true,
      description: 'Normalised as networkx does.',
      resolve: (n) => value(n, 'betweenness'),
    }),
    pagerank: t.float({ nullable: true, resolve: (n) => value(n, 'pagerank') }),
    community: t.int({
      nullable: true,
      description: 'Louvain community number.',
      resolve: (n) => value(n, 'louvain'),
    }),
    component: t.int({
      nullable: true,
      description: 'Connected component, 0 the largest.',
      resolve: (n) => value(n, 'components'),
    }),
    brokerage: t.int({
      nullable: true,
      description: 'Pairs of groups only this node connects.',
      resolve: (n) => value(n, 'brokerage'),
    }),
    brokerRoles: t.field({
      type: [BrokerRoleRef],
      nullable: true,
      description: 'What this node brokers between, when BROKERAGE is asked.',
      resolve: (n) => {
        const result = n.metrics.get('brokerage') as
          | (MetricResult & { roles?: Map<string, BrokerRole[]> })
          | undefined;
        return result ? (result.roles?.get(n.key) ?? []) : null;
      },
    }),
  }),
});

export type TieShape = {
  source: string;
  target: string;
  tie: TieAttributes;
  projectLabels: ReadonlyMap<string, string>;
};

export const NetworkTieRef = builder.objectRef<TieShape>('NetworkTie').implement({
  description: 'A weighted tie and what it is made of.',
  extensions: unplanned,
  fields: (t) => ({
    source: t.string({ description: 'Key of one end.', resolve: (e) => e.source }),
    target: t.string({ description: 'Key of the other end.', resolve: (e) => e.target }),
    weight: t.float({
      description: 'Shared projects + clusters + partnerships (+ shared members).',
      resolve: (e) => e.tie.weight,
    }),
    projectIds: t.idList({
      description: 'Global ids of the shared projects.',
      resolve: (e) => e.tie.projects.map((id) => toGlobalId('Project', id)),
    }),
    projectCount: t.int({ resolve: (e) => e.tie.projects.length }),
    clusterKeys: t.stringList({
      description: 'Shared clusters (organisation networks).',
      resolve: (e) => e.tie.clusters,
    }),
    partnershipKeys: t.stringList({
      description: 'Shared partnerships.',
      resolve: (e) => e.tie.partnerships,
    }),
    sharedMemberKeys: t.stringList({
      description: 'Cluster networks: organisations in both clusters.',
      resolve: (e) => e.tie.sharedMembers,
    }),
    organisationTies: t.int({
      description: 'Aggregated networks: organisation ties summed.',
      resolve: (e) => e.tie.organisationTies,
    }),
    from: t.string({
      nullable: true,
      description: 'Earliest start of the shared projects.',
      resolve: (e) => e.tie.from,
    }),
    to: t.string({
      nullable: true,
      description: 'Latest end of the shared projects.',
      resolve: (e) => e.tie.to,
    }),
    explanation: t.string({
      description: 'The tie in words.',
      resolve: (e) => explainTie(e.tie, e.projectLabels),
    }),
  }),
});

export function explainTie(tie: TieAttributes, projectLabels: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  const list = (ids: readonly string[], label: (id: string) => string) =>
    ids.slice(0, 5).map(label).join(', ') + (ids.length > 5 ? ` and ${ids.length - 5} more` : '');
  if (tie.projects.length > 0) {
    const period =
      tie.from || tie.to ? ` (${tie.from?.slice(0, 4) ?? '?'}-${tie.to?.slice(0, 4) ?? '?'})` : '';
    parts.push(
      `${tie.projects.length} shared project${tie.projects.length > 1 ? 's' : ''}: ${list(tie.projects, (id) => projectLabels.get(id) ?? id)}${period}`,
    );
  }
  if (tie.clusters.length > 0) parts.push(`members of ${list(tie.clusters, (id) => id)}`);
  if (tie.partnerships.length > 0) parts.push(`partners in ${list(tie.partnerships, (id) => id)}`);
  if (tie.sharedMembers.length > 0) parts.push(`${tie.sharedMembers.length} shared member(s)`);
  return parts.join('; ');
}
