import { builder } from '../builder.ts';
import { connectionOf, orderEnum, pagedComplexity, resolveRootList } from '../lists.ts';
import { reads } from '../reads.ts';
import { ClusterRef, OrganisationRef, ProgrammeRef, ProjectRef, SectorRef } from '../refs.ts';
import { nodesVia, nodeVia, pageVia } from '../relations.ts';
import { ORIGINS_FILTER_DESCRIPTION, Origin, pageArgs } from './shared.ts';

const ProjectParticipantConnection = connectionOf(
  OrganisationRef,
  'ProjectParticipant',
  {
    role: { type: 'String', description: 'COORDINATOR, PARTNER, THIRD_PARTY, ASSOCIATED_PARTNER, ...' },
    contribution: { type: 'Float', description: 'Funding received, in the project’s currency.' },
  },
  { relationship: true },
);

const ProjectClusterConnection = connectionOf(
  ClusterRef,
  'ProjectCluster',
  {
    role: { type: 'String', description: 'What the cluster does in the project, as the source puts it.' },
    contribution: { type: 'Float', description: 'Funding received, in the project’s currency.' },
  },
  { relationship: true },
);

builder.objectFields(ProjectRef, (t) => ({
  code: t.exposeString('code', { description: 'The project number as the funder writes it.' }),
  acronym: t.exposeString('acronym', { nullable: true }),
  title: t.exposeString('title'),
  titleLocal: t.exposeString('titleLocal', { nullable: true }),
  startDate: t.exposeString('startDate', {
    nullable: true,
    description: 'ISO date, as precise as the source.',
  }),
  endDate: t.exposeString('endDate', { nullable: true }),
  budgetAmount: t.exposeFloat('budgetAmount', { nullable: true }),
  budgetCurrency: t.exposeString('budgetCurrency', { nullable: true }),
  director: t.exposeString('director', { nullable: true, description: 'The project director, where named.' }),
  domain: t.exposeString('domain', { nullable: true }),
  objectives: t.stringList({ extensions: reads('objectives'), resolve: (row) => row.objectives ?? [] }),
  results: t.stringList({ extensions: reads('results'), resolve: (row) => row.results ?? [] }),
  programme: t.field({
    type: ProgrammeRef,
    nullable: true,
    ...nodeVia({ from: 'Project', type: 'FUNDED_BY', direction: 'OUT', to: 'Programme' }),
  }),
  coordinator: t.field({
    type: OrganisationRef,
    nullable: true,
    ...nodeVia({
      from: 'Project',
      type: 'PARTICIPATES_IN',
      direction: 'IN',
      to: 'Organisation',
      relEquals: { property: 'role', value: 'COORDINATOR' },
    }),
  }),
  participants: t.field({
    type: ProjectParticipantConnection,
    args: pageArgs(t.arg),
    complexity: pagedComplexity,
    description: 'Organisations taking part, the coordinator among them, by name.',
    ...pageVia(
      { from: 'Project', type: 'PARTICIPATES_IN', direction: 'IN', to: 'Organisation' },
      'participants',
    ),
  }),
  participatingClusters: t.field({
    type: ProjectClusterConnection,
    args: pageArgs(t.arg),
    complexity: pagedComplexity,
    description: 'Clusters taking part, with the role each plays, by name.',
    ...pageVia(
      { from: 'Project', type: 'PARTICIPATES_IN', direction: 'IN', to: 'Cluster' },
      'participatingClusters',
    ),
  }),
  clusters: t.field({
    type: [ClusterRef],
    description: 'Clusters taking part.',
    ...nodesVia({ from: 'Project', type: 'PARTICIPATES_IN', direction: 'IN', to: 'Cluster' }),
  }),
  sectors: t.field({
    type: [SectorRef],
    ...nodesVia({ from: 'Project', type: 'ACTIVE_IN', direction: 'OUT', to: 'Sector' }),
  }),
}));

const ProjectOrderBy = orderEnum('ProjectOrderBy', {
  START_DATE_DESC: { property: 'startDate', direction: 'DESC' },
  START_DATE_ASC: { property: 'startDate', direction: 'ASC' },
  TITLE_ASC: { property: 'title', direction: 'ASC' },
  CODE_ASC: { property: 'code', direction: 'ASC' },
  RELEVANCE: 'RELEVANCE',
});

const ProjectFilter = builder.inputType('ProjectFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Words of the title, acronym or code; case and accents ignored.' }),
    regionCodes: t.stringList({
      description: 'Projects with a participant in these regions (or sub-regions).',
    }),
    sectorCodes: t.stringList(),
    synthetic: t.boolean({ description: 'true: generated data only; false: curated only; omitted: both.' }),
    origins: t.field({ type: [Origin], description: ORIGINS_FILTER_DESCRIPTION }),
  }),
});

builder.queryField('projects', (t) =>
  t.field({
    type: connectionOf(ProjectRef, 'Project'),
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: ProjectFilter }),
      orderBy: t.arg({ type: ProjectOrderBy.ref }),
    },
    complexity: pagedComplexity,
    resolve: (_root, args, ctx, info) =>
      resolveRootList(ctx, info, 'Project', args, ProjectOrderBy.orders, {
        property: 'title',
        direction: 'ASC',
      }),
  }),
);
