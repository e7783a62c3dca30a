import {
  AgendaInputError,
  agendaCsv,
  agendaICalendar,
  type PairGain,
  scheduleMeetings,
} from '@clustergraph/analytics/matchmaking';
import type { ClusterFacts, Complementarity } from '@clustergraph/analytics/value-chains';
import type { NodeRow } from '@clustergraph/schema';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { BadInputError } from '../errors.ts';
import { MAX_PAGE_SIZE } from '../paging.ts';
import { unplanned } from '../reads.ts';
import { analyticsCacheOf } from './cache.ts';
import { decodeId, StageCoverageRef, withRow } from './value-chains.ts';

type Compared = {
  result: Complementarity;
  clusters: ReadonlyMap<string, ClusterFacts>;
  stageRows: ReadonlyMap<string, NodeRow<'ValueChainStage'>>;
};

const ClusterBrief = builder.objectRef<{ id: string; name: string }>('ClusterBrief').implement({
  description: 'A cluster named in an analysis result (fetch it with `node` for more).',
  extensions: unplanned,
  fields: (t) => ({
    key: t.string({ description: 'The cluster’s key (id in the graph).', resolve: (c) => c.id }),
    name: t.string({ resolve: (c) => c.name }),
  }),
});

const FilledStage = builder
  .objectRef<{ stage: ReturnType<typeof withRow>; providerKeys: string[] }>('FilledStage')
  .implement({
    description: 'A stage one cluster wants (gap or weak) and members of the other provide.',
    extensions: unplanned,
    fields: (t) => ({
      stage: t.field({ type: StageCoverageRef, resolve: (f) => f.stage }),
      providerKeys: t.stringList({
        description: 'Keys of the other cluster’s members providing it.',
        resolve: (f) => f.providerKeys,
      }),
    }),
  });

const filledOf = (compared: Compared, list: Complementarity['filledByOther']) =>
  list.map((f) => ({
    stage: withRow(f.stage, compared.stageRows as Map<string, NodeRow<'ValueChainStage'>>),
    providerKeys: f.providerIds,
  }));

const ComplementarityRef = builder.objectRef<Compared>('ClusterComplementarity').implement({
  description: 'How two clusters complete each other’s value chains, and what already ties them.',
  extensions: unplanned,
  fields: (t) => ({
    cluster: t.field({
      type: ClusterBrief,
      resolve: ({ result, clusters }) => clusters.get(result.clusterId) as ClusterFacts,
    }),
    other: t.field({
      type: ClusterBrief,
      resolve: ({ result, clusters }) => clusters.get(result.otherId) as ClusterFacts,
    }),
    score: t.float({
      description:
        '0 to 1: 0.8 × the share of both clusters’ wanted stages the other fills + 0.2 × shared projects (log scale, 10 full).',
      resolve: ({ result }) => result.score,
    }),
    filledByOther: t.field({
      type: [FilledStage],
      description: 'The cluster’s gaps and weak stages that the other’s members provide.',
      resolve: (compared) => filledOf(compared, compared.result.filledByOther),
    }),
    fillsOther: t.field({
      type: [FilledStage],
      description: 'The other’s gaps and weak stages that the cluster’s members provide.',
      resolve: (compared) => filledOf(compared, compared.result.fillsOther),
    }),
    sharedStageKeys: t.stringList({
      description: 'Stages both provide: possible competition, or joint offers.',
      resolve: ({ result }) => result.sharedStageIds,
    }),
    commonMemberKeys: t.stringList({
      description: 'Organisations members of both.',
      resolve: ({ result }) => result.commonMemberIds,
    }),
    sharedProjects: t.int({
      description: 'Projects with members of both.',
      resolve: ({ result }) => result.sharedProjects,
    }),
    tiedPairs: t.int({
      description: 'Member pairs (one of each) sharing a project.',
      resolve: ({ result }) => result.tiedPairs,
    }),
  }),
});

builder.queryField('complementarity', (t) =>
  t.field({
    type: [ComplementarityRef],
    nullable: true,
    description:
      'How a cluster and another (or every other, best first) complete each other’s value chains: which gaps each fills for the other, shared stages, existing ties, a score. Null for an unknown cluster. Every cluster’s coverage is computed once per dataset version and kept: one round trip (the version check), two after a write.',
    args: {
      clusterId: t.arg.id({ required: true, description: 'Global id of the cluster.' }),
      otherClusterId: t.arg.id({
        required: false,
        description: 'Global id of the other cluster; omitted: all others.',
      }),
      first: t.arg.int({
        required: false,
        description: 'How many of the best to return, 1 to 100 (default 20).',
      }),
    },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 20 }),
    resolve: async (_root, args, ctx) => {
      const clusterId = decodeId(String(args.clusterId), 'Cluster', 'clusterId');
      const otherId = args.otherClusterId
        ? decodeId(String(args.otherClusterId), 'Cluster', 'otherClusterId')
        : null;
      const first = args.first ?? 20;
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
        throw new BadInputError('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
      const { analysis, stageRows } = await analyticsCacheOf(ctx.db).valueChains();
      const { clusters } = analysis.ecosystem;
      if (!clusters.has(clusterId) || (otherId && !clusters.has(otherId))) return null;
      const results = analysis.complementarity(clusterId, otherId ? [otherId] : undefined) ?? [];
      return results.slice(0, first).map((result) => ({ result, clusters, stageRows }));
    },
  }),
);

type AgendaShape = ReturnType<typeof scheduleMeetings> & { csv: string; iCalendar: string };

const AgendaMeeting = builder.objectRef<AgendaShape['meetings'][number]>('AgendaMeeting').implement({
  description: 'One meeting of the agenda.',
  extensions: unplanned,
  fields: (t) => ({
    slot: t.int({ description: 'Time slot, from 1.', resolve: (m) => m.slot + 1 }),
    table: t.int({ description: 'Table, from 1.', resolve: (m) => m.table + 1 }),
    a: t.field({ type: ClusterBrief, resolve: (m) => m.a }),
    b: t.field({ type: ClusterBrief, resolve: (m) => m.b }),
    score: t.float({ description: 'The pair’s complementarity, 0 to 1.', resolve: (m) => m.score }),
    reason: t.string({ description: 'Why they should meet.', resolve: (m) => m.reason }),
  }),
});

const MatchmakingAgenda = builder.objectRef<AgendaShape>('MatchmakingAgenda').implement({
  description:
    'A cluster-to-cluster meeting schedule: no one double-booked, everyone with a worthwhile partner met when slots and tables allow, the rest by complementarity (a documented greedy: analytics/src/matchmaking/agenda.ts).',
  extensions: unplanned,
  fields: (t) => ({
    meetings: t.field({ type: [AgendaMeeting], resolve: (a) => a.meetings }),
    totalScore: t.float({ resolve: (a) => a.totalScore }),
    unmet: t.field({
      type: [ClusterBrief],
      description: 'Participants with a worthwhile partner left without a meeting.',
      resolve: (a) => a.unmet,
    }),
    csv: t.string({ description: 'The agenda as CSV, one row per meeting.', resolve: (a) => a.csv }),
    iCalendar: t.string({
      description: 'The agenda as an iCalendar file, one event per meeting.',
      resolve: (a) => a.iCalendar,
    }),
  }),
});

const MAX_PARTICIPANTS = 60;

function reasonOf(pair: Complementarity, names: Map<string, string>): string {
  const a = names.get(pair.clusterId) ?? pair.clusterId;
  const b = names.get(pair.otherId) ?? pair.otherId;
  const parts: string[] = [];
  if (pair.filledByOther.length > 0)
    parts.push(
      `${b} provides what ${a} lacks: ${pair.filledByOther.map((f) => f.stage.stage.name).join(', ')}`,
    );
  if (pair.fillsOther.length > 0)
    parts.push(`${a} provides what ${b} lacks: ${pair.fillsOther.map((f) => f.stage.stage.name).join(', ')}`);
  if (pair.sharedProjects > 0)
    parts.push(`already ${pair.sharedProjects} shared project${pair.sharedProjects === 1 ? '' : 's'}`);
  return parts.join('; ');
}

builder.queryField('matchmakingAgenda', (t) =>
  t.field({
    type: MatchmakingAgenda,
    description:
      'A cluster-to-cluster event’s schedule: the clusters given, `slots` time slots of `slotMinutes` from `start`, `tables` tables; each meeting with its reason. One round trip (two after a write).',
    args: {
      clusterIds: t.arg.idList({
        required: true,
        description: `Global ids of the participating clusters (2 to ${MAX_PARTICIPANTS}).`,
      }),
      slots: t.arg.int({ required: true, description: 'Number of time slots, 1 to 50.' }),
      tables: t.arg.int({ required: true, description: 'Number of tables, 1 to 50.' }),
      start: t.arg.string({
        required: false,
        description: 'ISO date-time of the first slot (UTC); default 2026-01-01T09:00:00Z.',
      }),
      slotMinutes: t.arg.int({ required: false, description: 'Minutes per meeting (default 20).' }),
    },
    resolve: async (_root, args, ctx: Context) => {
      const ids = [
        ...new Set(args.clusterIds.map((id, i) => decodeId(String(id), 'Cluster', `clusterIds.${i}`))),
      ];
      if (ids.length < 2 || ids.length > MAX_PARTICIPANTS)
        throw new BadInputError(
          'clusterIds',
          `give 2 to ${MAX_PARTICIPANTS} distinct clusters, got ${ids.length}`,
        );
      for (const [name, value] of [
        ['slots', args.slots],
        ['tables', args.tables],
      ] as const)
        if (!Number.isInteger(value) || value < 1 || value > 50)
          throw new BadInputError(name, `must be 1 to 50, got ${value}`);
      const start = new Date(args.start ?? '2026-01-01T09:00:00Z');
      if (Number.isNaN(start.getTime()))
        throw new BadInputError('start', `"${args.start}" is not an ISO date-time`);
      const slotMinutes = args.slotMinutes ?? 20;
      if (!Number.isInteger(slotMinutes) || slotMinutes < 5 || slotMinutes > 240)
        throw new BadInputError('slotMinutes', `must be 5 to 240, got ${slotMinutes}`);
      const { analysis } = await analyticsCacheOf(ctx.db).valueChains();
      const { clusters } = analysis.ecosystem;
      const names = new Map<string, string>();
      for (const [i, id] of ids.entries()) {
        const cluster = clusters.get(id);
        if (!cluster) throw new BadInputError(`clusterIds.${i}`, 'no cluster has this id');
        names.set(id, cluster.name);
      }
      const gains: PairGain[] = [];
      for (const [i, a] of ids.entries()) {
        for (const pair of analysis.complementarity(a, ids.slice(i + 1)) ?? [])
          if (pair.score > 0)
            gains.push({ a, b: pair.otherId, score: pair.score, reason: reasonOf(pair, names) });
      }
      try {
        const agenda = scheduleMeetings({
          participants: ids.map((id) => ({ id, name: names.get(id) ?? id })),
          gains,
          slots: args.slots,
          tables: args.tables,
        });
        const times = { start, slotMinutes, eventName: 'Cluster-to-cluster meetings' };
        return { ...agenda, csv: agendaCsv(agenda, times), iCalendar: agendaICalendar(agenda, times) };
      } catch (error) {
        if (error instanceof AgendaInputError) throw new BadInputError(error.argument, error.message);
        throw error;
      }
    },
  }),
);
