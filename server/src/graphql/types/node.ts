import { fromGlobalId, type NodeLabel, type NodeRow, SEARCHABLE_LABELS } from '@clustergraph/schema';
import { type GraphQLResolveInfo, responsePathAsArray } from 'graphql';
import { nodesByIds } from '../../db/repositories/nodes.ts';
import { searchNodes, searchTextProblem } from '../../db/repositories/search.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { BadInputError } from '../errors.ts';
import { requestLoader } from '../loaders.ts';
import { planOfField, propertiesOfSearchHits } from '../lookahead.ts';
import { MAX_PAGE_SIZE } from '../paging.ts';
import { unplanned } from '../reads.ts';

function decode(globalId: string, argument: string): { label: NodeLabel; id: string } {
  const decoded = fromGlobalId(globalId);
  if (!decoded) throw new BadInputError(argument, `"${globalId}" is not a global id of this API`);
  return decoded;
}

/** A node by global id with what this field's selection reads of it, batched per label. */
function loadByGlobalId(ctx: Context, info: GraphQLResolveInfo, globalId: string, argument: string) {
  const { label, id } = decode(globalId, argument);
  const field = responsePathAsArray(info.path).join('.');
  return requestLoader<NodeRow | null>(ctx, `planned:${field}:${label}`, (ids) =>
    nodesByIds(ctx.db, label, ids, planOfField(ctx, info, label)),
  ).load(id);
}

/** GraphQL enum names for labels: ValueChainStage -> VALUE_CHAIN_STAGE. */
const typeNames = Object.fromEntries(
  SEARCHABLE_LABELS.map((label) => [label.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(), label]),
) as Record<string, NodeLabel>;

const NodeType = builder.enumType('NodeType', {
  description: 'The types `search` can return.',
  values: Object.fromEntries(Object.entries(typeNames).map(([name, label]) => [name, { value: label }])),
});

type Hit = Awaited<ReturnType<typeof searchNodes>>[number];

const SearchHit = builder.objectRef<Hit>('SearchHit').implement({
  description: 'A node whose names match the search, with its relevance.',
  // Planned by `search` itself: the properties its hits' nodes read (propertiesOfSearchHits).
  extensions: unplanned,
  fields: (t) => ({
    node: t.field({ type: builder.nodeInterfaceRef(), resolve: (hit) => hit.node }),
    type: t.field({ type: NodeType, resolve: (hit) => hit.label }),
    name: t.string({
      description: 'What the node is called: its name, title or text.',
      resolve: (hit) => {
        const row = hit.node as Record<string, unknown>;
        return String(row.name ?? row.title ?? row.text ?? row.code ?? row.id);
      },
    }),
    score: t.float({ description: 'Relevance; higher is better.', resolve: (hit) => hit.score }),
  }),
});

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Any node by its global id; null when no node has it.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx, info) => loadByGlobalId(ctx, info, String(args.id), 'id'),
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: 'Nodes by global id, in the order asked; null where no node has the id.',
    args: { ids: t.arg.idList({ required: true }) },
    complexity: (args) => ({ field: 1, multiplier: Math.max(1, args.ids.length) }),
    resolve: (_root, args, ctx, info) => {
      if (args.ids.length > MAX_PAGE_SIZE) {
        throw new BadInputError('ids', `at most ${MAX_PAGE_SIZE} ids, got ${args.ids.length}`);
      }
      return Promise.all(args.ids.map((id, index) => loadByGlobalId(ctx, info, String(id), `ids[${index}]`)));
    },
  }),
  search: t.field({
    type: [SearchHit],
    description:
      'Named things of any type whose names contain the words of `query` (as words or word beginnings), case and accents ignored: "iasi" finds "Iași". Best first.',
    args: {
      query: t.arg.string({
        required: true,
        description:
          'Words of a name, local name, acronym or sector, in any case, accents or transcription (oe for ö); every word must match, as a word or its start. At most 300 characters and 24 words.',
      }),
      types: t.arg({ type: [NodeType], description: 'Only these types; all when omitted.' }),
      first: t.arg.int({ description: 'At most this many hits, 1 to 100 (default 20).' }),
      synthetic: t.arg.boolean({
        description: 'true: generated data only; false: curated only; omitted: both.',
      }),
    },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 20 }),
    resolve: (_root, args, ctx, info) => {
      const first = args.first ?? 20;
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
        throw new BadInputError('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
      }
      if (args.query.trim().length === 0) throw new BadInputError('query', 'must contain a word');
      const searchProblem = searchTextProblem(args.query);
      if (searchProblem) throw new BadInputError('query', searchProblem);
      const labels = args.types?.length ? (args.types as NodeLabel[]) : SEARCHABLE_LABELS;
      return searchNodes(
        ctx.db,
        args.query,
        labels,
        first,
        args.synthetic ?? null,
        propertiesOfSearchHits(ctx, info, labels),
      );
    },
  }),
}));
