import {
  commonPartners,
  cooperationPath,
  egoNetwork,
  hopDistances,
  type MetricId,
  type MetricResult,
  type Network,
  type NetworkFilter,
  NetworkFilterError,
  normaliseFilter,
  type TieKind as TieKindValue,
} from '@clustergraph/analytics';
import { fromGlobalId } from '@clustergraph/schema';
import { builder } from '../builder.ts';
import { BadInputError } from '../errors.ts';
import { unplanned } from '../reads.ts';
import { analyticsCacheOf } from './cache.ts';
import {
  explainTie,
  FilterNetworkInput,
  METRIC_OF_NAME,
  type MetricName,
  MetricRun,
  NetworkDescriptionRef,
  NetworkMetric,
  NetworkNodeRef,
  NetworkTieRef,
  type NodeShape,
  TieKind,
  type TieShape,
} from './network-types.ts';

/** The most nodes a network answer carries; the answer says when it was cut. */
export const NETWORK_NODE_CAP = 20_000;
/** The most ties a network answer carries. */
export const NETWORK_EDGE_CAP = 200_000;
/** Metrics whose cost grows faster than the network (paths, communities, group pairs). */
const HEAVY_METRICS: readonly MetricName[] = ['BETWEENNESS', 'LOUVAIN', 'BROKERAGE', 'PAGERANK'];

type FilterArgs = {
  nodeKind?: NetworkFilter['nodeKind'] | null;
  tieKind?: NetworkFilter['tieKind'] | null;
  regionCode?: string | null;
  sectorCode?: string | null;
  organisationKinds?: readonly string[] | null;
  programmeId?: string | number | null;
  clusterId?: string | number | null;
  period?: { from?: string | null; to?: string | null } | null;
  origins?: readonly NonNullable<NetworkFilter['origins']>[number][] | null;
  minWeight?: number | null;
  regionLevel?: number | null;
};

export function decodeId(
  globalId: string,
  labels: readonly string[],
  argument: string,
): { label: string; id: string } {
  const decoded = fromGlobalId(globalId);
  if (!decoded || !labels.includes(decoded.label)) {
    throw new BadInputError(argument, `"${globalId}" is not the global id of ${labels.join(' or ')}`);
  }
  return { label: decoded.label, id: decoded.id };
}

/** The GraphQL filter as the analytics filter; a programme's global id becomes its key. */
export function networkFilterOf(args: FilterArgs | null | undefined, argument = 'filter'): NetworkFilter {
  const filter: NetworkFilter = {};
  if (!args) return filter;
  if (args.nodeKind) filter.nodeKind = args.nodeKind;
  if (args.tieKind) filter.tieKind = args.tieKind;
  if (args.regionCode) filter.regionCode = args.regionCode;
  if (args.sectorCode) filter.sectorCode = args.sectorCode;
  if (args.organisationKinds) filter.organisationKinds = args.organisationKinds;
  if (args.programmeId)
    filter.programmeId = decodeId(String(args.programmeId), ['Programme'], `${argument}.programmeId`).id;
  if (args.clusterId)
    filter.clusterId = decodeId(String(args.clusterId), ['Cluster'], `${argument}.clusterId`).id;
  if (args.period)
    filter.period = {
      ...(args.period.from ? { from: args.period.from } : {}),
      ...(args.period.to ? { to: args.period.to } : {}),
    };
  if (args.origins) filter.origins = args.origins;
  if (args.minWeight !== null && args.minWeight !== undefined) filter.minWeight = args.minWeight;
  if (args.regionLevel !== null && args.regionLevel !== undefined) filter.regionLevel = args.regionLevel;
  return filter;
}

/** Runs analytics code, turning a filter it refuses into BAD_USER_INPUT naming the argument. */
export function asInput<T>(argument: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof NetworkFilterError)
      throw new BadInputError(`${argument}.${error.field}`, error.message);
    if (error instanceof Error && error.name === 'PartialDateError')
      throw new BadInputError(`${argument}.period`, error.message);
    throw error;
  }
}

function projectLabelsOf(data: { projects: readonly { id: string; label?: string }[] }): Map<string, string> {
  return new Map(data.projects.map((project) => [project.id, project.label ?? project.id]));
}

type NetworkAnswer = {
  description: Network['description'];
  nodes: NodeShape[];
  edges: TieShape[];
  nodeCap: number;
  edgeCap: number;
  truncated: boolean;
  runs: MetricResult[];
  datasetVersion: string;
};

const CooperationNetwork = builder.objectRef<NetworkAnswer>('CooperationNetwork').implement({
  description:
    'A cooperation network with the metrics asked for. Metrics are computed once per dataset version and cached; the answer is cut at `nodeCap` nodes (and `edgeCap` ties between them) and says so.',
  extensions: unplanned,
  fields: (t) => ({
    description: t.field({
      type: NetworkDescriptionRef,
      description: 'The network all metrics were computed on.',
      resolve: (a) => a.description,
    }),
    nodes: t.field({ type: [NetworkNodeRef], resolve: (a) => a.nodes }),
    edges: t.field({
      type: [NetworkTieRef],
      description: 'Ties between the nodes returned.',
      resolve: (a) => a.edges,
    }),
    nodeCap: t.int({ description: 'The most nodes this answer could carry.', resolve: (a) => a.nodeCap }),
    edgeCap: t.int({ description: 'The most ties this answer could carry.', resolve: (a) => a.edgeCap }),
    truncated: t.boolean({
      description: 'Whether nodes or ties were left out by the cap.',
      resolve: (a) => a.truncated,
    }),
    metrics: t.field({
      type: [MetricRun],
      description: 'Each metric computed, with parameters and figures.',
      resolve: (a) => a.runs,
    }),
    datasetVersion: t.string({
      description: 'The dataset version the cache answered for.',
      resolve: (a) => a.datasetVersion,
    }),
  }),
});

builder.queryField('network', (t) =>
  t.field({
    type: CooperationNetwork,
    description:
      'A cooperation network of organisations, clusters or regions, with the chosen metrics per node, the first `first` nodes by `orderBy` (default: weighted degree). Two round trips at most: the dataset version, and the data when it changed.',
    args: {
      filter: t.arg({ type: FilterNetworkInput, required: false }),
      metrics: t.arg({
        type: [NetworkMetric],
        required: false,
        description: 'Metrics to compute (cached per dataset version).',
      }),
      orderBy: t.arg({
        type: NetworkMetric,
        required: false,
        description: 'Nodes by this metric, highest first.',
      }),
      first: t.arg.int({
        required: false,
        description: `How many nodes, at most ${NETWORK_NODE_CAP} (default 1,000).`,
      }),
    },
    complexity: (args) => {
      const heavy = (args.metrics ?? []).filter((name) => HEAVY_METRICS.includes(name)).length;
      const nodes = Math.min(NETWORK_NODE_CAP, Math.max(1, args.first ?? 1_000));
      return { field: 100 + 500 * heavy + Math.ceil(nodes / 10), multiplier: 1 };
    },
    resolve: async (_root, args, ctx) => {
      const first = args.first ?? 1_000;
      if (first < 1 || first > NETWORK_NODE_CAP) {
        throw new BadInputError('first', `first must be between 1 and ${NETWORK_NODE_CAP}, got ${first}`);
      }
      const filter = asInput('filter', () => networkFilterOf(args.filter as FilterArgs));
      asInput('filter', () => normaliseFilter(filter));
      const names = [...new Set([...(args.metrics ?? []), ...(args.orderBy ? [args.orderBy] : [])])];
      const ids = names.map((name) => METRIC_OF_NAME[name]);
      const cache = analyticsCacheOf(ctx.db);
      const { version, data, entry } = await cache.network(filter);
      const order: MetricId = args.orderBy ? METRIC_OF_NAME[args.orderBy] : 'weightedDegree';
      const metrics = cache.metrics(entry, [...new Set<MetricId>([...ids, order])]);
      const shownMetrics = cache.metrics(entry, ids);
      const graph = entry.network.graph;
      const ranking = metrics.get(order)?.values ?? new Map<string, number>();
      const keys = graph.nodes();
      if (keys.length > first) {
        keys.sort((a, b) => (ranking.get(b) ?? 0) - (ranking.get(a) ?? 0) || (a < b ? -1 : 1));
      }
      const kept = keys.slice(0, first);
      const keptSet = new Set(kept);
      const projectLabels = projectLabelsOf(data);
      const edges: TieShape[] = [];
      let edgesCut = false;
      for (const key of kept) {
        graph.forEachEdge(key, (_edge, tie, source, target) => {
          const other = source === key ? target : source;
          if (key >= other || !keptSet.has(other)) return;
          if (edges.length >= NETWORK_EDGE_CAP) {
            edgesCut = true;
            return;
          }
          edges.push({ source: key, target: other, tie, projectLabels });
        });
      }
      return {
        description: entry.network.description,
        nodes: kept.map((key) => ({ key, attributes: graph.getNodeAttributes(key), metrics: shownMetrics })),
        edges,
        nodeCap: first,
        edgeCap: NETWORK_EDGE_CAP,
        truncated: kept.length < graph.order || edgesCut,
        runs: [...shownMetrics.values()],
        datasetVersion: version,
      };
    },
  }),
);

type EgoAnswer = {
  centre: string;
  depth: number;
  cap: number;
  reachable: number;
  truncated: boolean;
  nodes: NodeShape[];
  edges: TieShape[];
  description: Network['description'];
};

const EgoNetworkRef = builder.objectRef<EgoAnswer>('EgoNetwork').implement({
  description: 'The neighbourhood of a node up to 1 or 2 hops, cut at a cap it reports.',
  extensions: unplanned,
  fields: (t) => ({
    centre: t.string({ description: 'Key of the centre.', resolve: (a) => a.centre }),
    depth: t.int({ resolve: (a) => a.depth }),
    cap: t.int({ description: 'The most nodes returned.', resolve: (a) => a.cap }),
    reachable: t.int({ description: 'Nodes within `depth` before the cap.', resolve: (a) => a.reachable }),
    truncated: t.boolean({ resolve: (a) => a.truncated }),
    nodes: t.field({
      type: [NetworkNodeRef],
      description: 'Nearest first, then by tie strength.',
      resolve: (a) => a.nodes,
    }),
    edges: t.field({ type: [NetworkTieRef], resolve: (a) => a.edges }),
    network: t.field({
      type: NetworkDescriptionRef,
      description: 'The network the neighbourhood is taken from.',
      resolve: (a) => a.description,
    }),
  }),
});

const noMetrics = new Map<MetricId, MetricResult>();

/** Organisations are looked up in the organisation network, clusters in the cluster network. */
function filterFor(label: string, tieKind: TieKindValue): NetworkFilter {
  return { nodeKind: label === 'Cluster' ? 'CLUSTER' : 'ORGANISATION', tieKind };
}

builder.queryField('egoNetwork', (t) =>
  t.field({
    type: EgoNetworkRef,
    nullable: true,
    description:
      'The cooperation neighbourhood of an organisation (in the organisation network) or a cluster (in the cluster network). Null when the node has no tie of that kind.',
    args: {
      id: t.arg.id({ required: true, description: 'Global id of an organisation or a cluster.' }),
      depth: t.arg.int({ required: false, description: '1 or 2 hops (default 1).' }),
      cap: t.arg.int({ required: false, description: 'The most nodes, 1 to 5,000 (default 500).' }),
      tieKind: t.arg({ type: TieKind, required: false, description: 'Default ALL.' }),
    },
    complexity: (args) => ({ field: 20 + Math.ceil((args.cap ?? 500) / 10), multiplier: 1 }),
    resolve: async (_root, args, ctx) => {
      const { label, id } = decodeId(String(args.id), ['Organisation', 'Cluster'], 'id');
      const depth = args.depth ?? 1;
      if (depth !== 1 && depth !== 2) throw new BadInputError('depth', `depth must be 1 or 2, got ${depth}`);
      const cap = args.cap ?? 500;
      if (cap < 1 || cap > 5_000)
        throw new BadInputError('cap', `cap must be between 1 and 5000, got ${cap}`);
      const { data, entry } = await analyticsCacheOf(ctx.db).network(filterFor(label, args.tieKind ?? 'ALL'));
      const graph = entry.network.graph;
      if (!graph.hasNode(id)) return null;
      const ego = egoNetwork(graph, id, depth, cap);
      const projectLabels = projectLabelsOf(data);
      return {
        ...ego,
        nodes: ego.nodes.map((node) => ({
          key: node.id,
          attributes: graph.getNodeAttributes(node.id),
          metrics: noMetrics,
          distance: node.distance,
        })),
        edges: ego.edges.map((edge) => ({ ...edge, projectLabels })),
        description: entry.network.description,
      };
    },
  }),
);

type PartnerAnswer = { node: NodeShape; withA: TieShape; withB: TieShape };

const CommonPartnerRef = builder.objectRef<PartnerAnswer>('CommonPartner').implement({
  description: 'An organisation tied to both organisations asked, with both ties.',
  extensions: unplanned,
  fields: (t) => ({
    partner: t.field({ type: NetworkNodeRef, resolve: (p) => p.node }),
    withA: t.field({ type: NetworkTieRef, description: 'Its tie with `a`.', resolve: (p) => p.withA }),
    withB: t.field({ type: NetworkTieRef, description: 'Its tie with `b`.', resolve: (p) => p.withB }),
  }),
});

builder.queryField('commonPartners', (t) =>
  t.field({
    type: [CommonPartnerRef],
    description:
      'Organisations that cooperate with both a and b (any tie kind), strongest first, at most `first`.',
    args: {
      a: t.arg.id({ required: true, description: 'Global id of an organisation.' }),
      b: t.arg.id({ required: true, description: 'Global id of another organisation.' }),
      first: t.arg.int({ required: false, description: 'At most this many (default 50, at most 1,000).' }),
    },
    complexity: (args) => ({ field: 20, multiplier: Math.min(1_000, args.first ?? 50) }),
    resolve: async (_root, args, ctx) => {
      const a = decodeId(String(args.a), ['Organisation'], 'a').id;
      const b = decodeId(String(args.b), ['Organisation'], 'b').id;
      const first = args.first ?? 50;
      if (first < 1 || first > 1_000)
        throw new BadInputError('first', `first must be between 1 and 1000, got ${first}`);
      const { data, entry } = await analyticsCacheOf(ctx.db).network({ tieKind: 'ALL' });
      const graph = entry.network.graph;
      if (!graph.hasNode(a) || !graph.hasNode(b)) return [];
      const projectLabels = projectLabelsOf(data);
      return commonPartners(graph, a, b)
        .slice(0, first)
        .map((partner) => ({
          node: { key: partner.id, attributes: graph.getNodeAttributes(partner.id), metrics: noMetrics },
          withA: { source: a, target: partner.id, tie: partner.withA, projectLabels },
          withB: { source: partner.id, target: b, tie: partner.withB, projectLabels },
        }));
    },
  }),
);

type HopAnswer = { from: NodeShape; to: NodeShape; tie: TieShape | null; explanation: string };

const PathHopRef = builder.objectRef<HopAnswer>('CooperationHop').implement({
  description: 'One hop of a cooperation path and what it is made of.',
  extensions: unplanned,
  fields: (t) => ({
    from: t.field({ type: NetworkNodeRef, resolve: (h) => h.from }),
    to: t.field({ type: NetworkNodeRef, resolve: (h) => h.to }),
    tie: t.field({
      type: NetworkTieRef,
      nullable: true,
      description: 'The tie; null for the last hop into a cluster (membership).',
      resolve: (h) => h.tie,
    }),
    explanation: t.string({
      description: 'The hop in words: shared projects, clusters, partnerships, or membership.',
      resolve: (h) => h.explanation,
    }),
  }),
});

builder.queryField('cooperationPath', (t) =>
  t.field({
    type: [PathHopRef],
    nullable: true,
    description:
      'A shortest cooperation path (fewest hops, any tie kind) from an organisation to another organisation or to a cluster (ending at its nearest member, then membership), each hop explained. Null when none exists.',
    args: {
      from: t.arg.id({ required: true, description: 'Global id of an organisation.' }),
      to: t.arg.id({ required: true, description: 'Global id of an organisation or a cluster.' }),
    },
    complexity: 50,
    resolve: async (_root, args, ctx) => {
      const from = decodeId(String(args.from), ['Organisation'], 'from').id;
      const to = decodeId(String(args.to), ['Organisation', 'Cluster'], 'to');
      const { data, entry } = await analyticsCacheOf(ctx.db).network({ tieKind: 'ALL' });
      const graph = entry.network.graph;
      if (!graph.hasNode(from)) return null;
      const projectLabels = projectLabelsOf(data);
      const shape = (key: string): NodeShape => ({
        key,
        attributes: graph.getNodeAttributes(key),
        metrics: noMetrics,
      });
      const asHops = (hops: NonNullable<ReturnType<typeof cooperationPath>>): HopAnswer[] =>
        hops.map((hop) => {
          const tie = { source: hop.from, target: hop.to, tie: hop.tie, projectLabels };
          return {
            from: shape(hop.from),
            to: shape(hop.to),
            tie,
            explanation: explainTie(hop.tie, projectLabels),
          };
        });
      if (to.label === 'Organisation') {
        const hops = cooperationPath(graph, from, to.id);
        return hops ? asHops(hops) : null;
      }
      const cluster = (data.clusters ?? []).find((row) => row.id === to.id);
      if (!cluster) return null;
      const members = (data.memberships ?? []).filter(
        (row) => row.clusterId === to.id && graph.hasNode(row.organisationId),
      );
      const distances = hopDistances(graph, from);
      let bestMember: string | null = null;
      for (const member of members) {
        const distance = distances.get(member.organisationId);
        if (distance !== undefined && (bestMember === null || distance < (distances.get(bestMember) ?? 0))) {
          bestMember = member.organisationId;
        }
      }
      const best = bestMember === null ? null : cooperationPath(graph, from, bestMember);
      if (best === null || bestMember === null) return null;
      const clusterNode: NodeShape = {
        key: cluster.id,
        attributes: {
          kind: 'CLUSTER',
          label: cluster.name,
          organisationKind: null,
          regionCode: cluster.regionCode,
          clusterIds: [],
          internalWeight: 0,
          memberCount: members.length,
        },
        metrics: noMetrics,
      };
      return [
        ...asHops(best),
        { from: shape(bestMember), to: clusterNode, tie: null, explanation: `member of ${cluster.name}` },
      ];
    },
  }),
);
