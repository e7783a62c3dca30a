import { builder } from '../builder.ts';
import { connectionOf, orderEnum, pagedComplexity, resolveRootList } from '../lists.ts';
import { reads, unplanned } from '../reads.ts';
import {
  ClusterRef,
  NeedRef,
  OrganisationRef,
  PartnershipRef,
  ProjectRef,
  RegionRef,
  SectorRef,
} from '../refs.ts';
import { nodesVia, nodeVia, pageVia } from '../relations.ts';
import {
  agreedRegionField,
  ORIGINS_FILTER_DESCRIPTION,
  Origin,
  pageArgs,
  RegionClaim,
  regionClaimsField,
} from './shared.ts';

type ClusterLabelShape = {
  level: string;
  awardedOn?: string | null;
  validUntil?: string | null;
  issuer?: string | null;
};

const ClusterLabel = builder.objectRef<ClusterLabelShape>('ClusterLabel').implement({
  description: 'A cluster-management excellence label (for instance ESCA Bronze, Silver or Gold).',
  extensions: unplanned,
  fields: (t) => ({
    level: t.exposeString('level'),
    awardedOn: t.string({
      nullable: true,
      description: 'ISO date or period, as precise as the source gives it.',
      resolve: (label) => label.awardedOn ?? null,
    }),
    validUntil: t.string({ nullable: true, resolve: (label) => label.validUntil ?? null }),
    issuer: t.string({ nullable: true, resolve: (label) => label.issuer ?? null }),
  }),
});

const ClusterMemberConnection = connectionOf(
  OrganisationRef,
  'ClusterMember',
  {
    role: { type: 'String' },
    since: { type: 'String', description: 'When it joined, as precise as the source gives it.' },
    version: {
      type: 'Int',
      nullable: false,
      fallback: 0,
      description:
        'How many times the API’s mutations changed this membership; updateClusterMember names it.',
    },
  },
  { relationship: true },
);

builder.objectFields(ClusterRef, (t) => ({
  name: t.exposeString('name'),
  nameLocal: t.exposeString('nameLocal', { nullable: true }),
  acronym: t.exposeString('acronym', { nullable: true }),
  aliases: t.stringList({
    description:
      'Other names the documents write for it (short forms, spellings), searched like the acronym.',
    extensions: reads('aliases'),
    resolve: (row) => row.aliases ?? [],
  }),
  description: t.exposeString('description', { nullable: true }),
  website: t.exposeString('website', { nullable: true }),
  foundedOn: t.exposeString('foundedOn', { nullable: true }),
  declaredMemberCount: t.exposeInt('declaredMemberCount', {
    nullable: true,
    description:
      'The number of members a source declares, which may differ from the members in the graph; valid at `declaredMemberCountOn`.',
  }),
  declaredMemberCountOn: t.exposeString('declaredMemberCountOn', {
    nullable: true,
    description: 'The date the declared member count is valid at (ISO, as precise as the source gives it).',
  }),
  labels: t.field({
    type: [ClusterLabel],
    extensions: reads('labels'),
    resolve: (row) => (row.labels ?? []).map((json) => JSON.parse(json) as ClusterLabelShape),
  }),
  region: t.field({
    type: RegionRef,
    nullable: true,
    ...agreedRegionField('Cluster'),
  }),
  locatedIn: t.field({
    type: [RegionClaim],
    description: 'Every region a source places this cluster in, with its sources.',
    ...regionClaimsField('Cluster'),
  }),
  sectors: t.field({
    type: [SectorRef],
    ...nodesVia({ from: 'Cluster', type: 'ACTIVE_IN', direction: 'OUT', to: 'Sector' }),
  }),
  managedBy: t.field({
    type: OrganisationRef,
    nullable: true,
    description: 'The organisation that manages the cluster (its legal entity).',
    ...nodeVia({ from: 'Cluster', type: 'MANAGES', direction: 'IN', to: 'Organisation' }),
  }),
  members: t.field({
    type: ClusterMemberConnection,
    args: pageArgs(t.arg),
    complexity: pagedComplexity,
    description: 'Member organisations in the graph, by name.',
    ...pageVia({ from: 'Cluster', type: 'MEMBER_OF', direction: 'IN', to: 'Organisation' }, 'members'),
  }),
  projects: t.field({
    type: [ProjectRef],
    ...nodesVia({ from: 'Cluster', type: 'PARTICIPATES_IN', direction: 'OUT', to: 'Project' }),
  }),
  needs: t.field({
    type: [NeedRef],
    description: 'Gaps, needs and opportunities recorded for the cluster.',
    ...nodesVia({ from: 'Cluster', type: 'IDENTIFIED_IN', direction: 'IN', to: 'Need' }),
  }),
  partnerships: t.field({
    type: [PartnershipRef],
    description: 'Partnerships and networks the cluster joined.',
    ...nodesVia({ from: 'Cluster', type: 'PARTNER_IN', direction: 'OUT', to: 'Partnership' }),
  }),
}));

const ClusterOrderBy = orderEnum('ClusterOrderBy', {
  NAME_ASC: { property: 'name', direction: 'ASC' },
  NAME_DESC: { property: 'name', direction: 'DESC' },
  DECLARED_MEMBER_COUNT_DESC: { property: 'declaredMemberCount', direction: 'DESC' },
  RELEVANCE: 'RELEVANCE',
});

const ClusterFilter = builder.inputType('ClusterFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Words of the name, acronym or local name; case and accents ignored.' }),
    regionCodes: t.stringList({ description: 'NUTS codes; a region includes its sub-regions.' }),
    sectorCodes: t.stringList(),
    synthetic: t.boolean({ description: 'true: generated data only; false: curated only; omitted: both.' }),
    origins: t.field({ type: [Origin], description: ORIGINS_FILTER_DESCRIPTION }),
  }),
});

builder.queryField('clusters', (t) =>
  t.field({
    type: connectionOf(ClusterRef, 'Cluster'),
    description: 'Cluster initiatives, filtered and paged.',
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: ClusterFilter }),
      orderBy: t.arg({ type: ClusterOrderBy.ref }),
    },
    complexity: pagedComplexity,
    resolve: (_root, args, ctx, info) =>
      resolveRootList(ctx, info, 'Cluster', args, ClusterOrderBy.orders, {
        property: 'name',
        direction: 'ASC',
      }),
  }),
);
