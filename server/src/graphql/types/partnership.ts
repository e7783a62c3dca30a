import { type OrganisationKind as Kind, type NodeRow, PARTNERSHIP_KINDS } from '@clustergraph/schema';
import { builder } from '../builder.ts';
import { connectionOf, orderEnum, pagedComplexity, resolveRootList } from '../lists.ts';
import { reads, readsVia, unplanned } from '../reads.ts';
import {
  ClusterRef,
  GoodPracticeRef,
  NeedRef,
  OrganisationRef,
  PartnershipRef,
  ProjectRef,
  RegionRef,
  SourceRef,
} from '../refs.ts';
import { loadRelated, nodesVia } from '../relations.ts';
import { relationshipSourceIds, sourcesByIds } from '../sources.ts';
import { agreedRegionField, OrganisationKind, pageArgs, RegionClaim, regionClaimsField } from './shared.ts';

const PartnershipKind = builder.enumType('PartnershipKind', {
  description:
    'PROTOCOL: a signed agreement; NETWORK: a standing network; REGIONAL_LAB: a regional innovation lab; CONSORTIUM: a project consortium.',
  values: PARTNERSHIP_KINDS,
});

type MemberKindShape = { kind: Kind; name: string; count?: number | null };

const PartnershipMemberKind = builder.objectRef<MemberKindShape>('PartnershipMemberKind').implement({
  description:
    'A kind of body that takes part, where the document names kinds rather than members ("Universities", "Local Public Administration").',
  extensions: unplanned,
  fields: (t) => ({
    kind: t.field({ type: OrganisationKind, resolve: (member) => member.kind }),
    name: t.exposeString('name', { description: 'The kind as the document words it.' }),
    count: t.int({
      nullable: true,
      description: 'How many bodies of this kind, where the document says.',
      resolve: (member) => member.count ?? null,
    }),
  }),
});

type TesterShape = { organisation: NodeRow<'Organisation'>; how: string | null; sourceIds: string[] };

const PracticeTest = builder.objectRef<TesterShape>('PracticeTest').implement({
  description: 'A partner testing (transferring) a good practice, and how.',
  extensions: unplanned,
  fields: (t) => ({
    organisation: t.field({ type: OrganisationRef, resolve: (test) => test.organisation }),
    how: t.string({ nullable: true, resolve: (test) => test.how }),
    sources: t.field({
      type: [SourceRef],
      description: 'The documents and sections that state the test, as a node’s `sources`.',
      resolve: (test, _args, ctx) => sourcesByIds(ctx, test.sourceIds),
    }),
  }),
});

builder.objectFields(PartnershipRef, (t) => ({
  name: t.exposeString('name'),
  nameLocal: t.exposeString('nameLocal', { nullable: true }),
  kind: t.field({
    type: PartnershipKind,
    extensions: reads('kind'),
    resolve: (row) => row.kind as (typeof PARTNERSHIP_KINDS)[number],
  }),
  signedOn: t.exposeString('signedOn', { nullable: true }),
  objectives: t.stringList({ extensions: reads('objectives'), resolve: (row) => row.objectives ?? [] }),
  actionAreas: t.stringList({
    description: 'The policy areas it acts in.',
    extensions: reads('actionAreas'),
    resolve: (row) => row.actionAreas ?? [],
  }),
  specificActions: t.stringList({
    description: 'The specific actions the partners undertake (not its areas).',
    extensions: reads('specificActions'),
    resolve: (row) => row.specificActions ?? [],
  }),
  memberKinds: t.field({
    type: [PartnershipMemberKind],
    description: 'The kinds of bodies that take part, with their number where stated (regional labs).',
    extensions: reads('memberKinds'),
    resolve: (row) => (row.memberKinds ?? []).map((json) => JSON.parse(json) as MemberKindShape),
  }),
  partners: t.field({
    type: [OrganisationRef],
    ...nodesVia({ from: 'Partnership', type: 'PARTNER_IN', direction: 'IN', to: 'Organisation' }),
  }),
  clusters: t.field({
    type: [ClusterRef],
    description: 'Clusters that joined it.',
    ...nodesVia({ from: 'Partnership', type: 'PARTNER_IN', direction: 'IN', to: 'Cluster' }),
  }),
  needs: t.field({
    type: [NeedRef],
    description: 'Gaps and needs it identified (regional labs).',
    ...nodesVia({ from: 'Partnership', type: 'IDENTIFIED_IN', direction: 'IN', to: 'Need' }),
  }),
  region: t.field({
    type: RegionRef,
    nullable: true,
    ...agreedRegionField('Partnership'),
  }),
  locatedIn: t.field({
    type: [RegionClaim],
    description: 'Every region a source places this partnership in, with its sources.',
    ...regionClaimsField('Partnership'),
  }),
}));

const practiceTests = { from: 'GoodPractice', type: 'TESTS', direction: 'IN', to: 'Organisation' } as const;

builder.objectFields(GoodPracticeRef, (t) => ({
  name: t.exposeString('name'),
  description: t.exposeString('description', { nullable: true }),
  serviceType: t.exposeString('serviceType', { nullable: true }),
  evaluation: t.stringList({
    description: 'The evaluation on the project’s attributes, as JSON objects {attribute, value}.',
    extensions: reads('evaluation'),
    resolve: (row) => row.evaluation ?? [],
  }),
  identifiedIn: t.field({
    type: [ProjectRef],
    ...nodesVia({ from: 'GoodPractice', type: 'IDENTIFIED_IN', direction: 'OUT', to: 'Project' }),
  }),
  originatesFrom: t.field({
    type: [OrganisationRef],
    ...nodesVia({ from: 'GoodPractice', type: 'ORIGINATES_FROM', direction: 'OUT', to: 'Organisation' }),
  }),
  testedBy: t.field({
    type: [PracticeTest],
    description: 'The partners that test the practice, and how.',
    extensions: readsVia([{ hop: practiceTests, shape: 'claims' }]),
    resolve: async (row, _args, ctx) => {
      const page = await loadRelated(ctx, practiceTests, row);
      return page.items.map((item) => ({
        organisation: item.node,
        how: (item.rel.how as string | null) ?? null,
        sourceIds: relationshipSourceIds(item.rel),
      }));
    },
  }),
}));

const PartnershipFilter = builder.inputType('PartnershipFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Words of the name; case and accents ignored.' }),
    regionCodes: t.stringList(),
    synthetic: t.boolean(),
  }),
});
const GoodPracticeFilter = builder.inputType('GoodPracticeFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Words of the name; case and accents ignored.' }),
    synthetic: t.boolean(),
  }),
});
const NameOrderBy = orderEnum('NameOrderBy', {
  NAME_ASC: { property: 'name', direction: 'ASC' },
  NAME_DESC: { property: 'name', direction: 'DESC' },
  RELEVANCE: 'RELEVANCE',
});

builder.queryFields((t) => ({
  partnerships: t.field({
    type: connectionOf(PartnershipRef, 'Partnership'),
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: PartnershipFilter }),
      orderBy: t.arg({ type: NameOrderBy.ref }),
    },
    complexity: pagedComplexity,
    resolve: (_root, args, ctx, info) =>
      resolveRootList(ctx, info, 'Partnership', args, NameOrderBy.orders, {
        property: 'name',
        direction: 'ASC',
      }),
  }),
  goodPractices: t.field({
    type: connectionOf(GoodPracticeRef, 'GoodPractice'),
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: GoodPracticeFilter }),
      orderBy: t.arg({ type: NameOrderBy.ref }),
    },
    complexity: pagedComplexity,
    resolve: (_root, args, ctx, info) =>
      resolveRootList(ctx, info, 'GoodPractice', args, NameOrderBy.orders, {
        property: 'name',
        direction: 'ASC',
      }),
  }),
}));
