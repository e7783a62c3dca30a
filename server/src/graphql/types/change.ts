import {
  type ChangeEntry as ChangeEntryShape,
  RevertError,
  revertChangeInTransaction,
  type StoredChange,
} from '@clustergraph/ingest';
import type { NodeLabel, NodeRow } from '@clustergraph/schema';
import { GraphQLError } from 'graphql';
import { JSONResolver } from 'graphql-scalars';
import { bumpDatasetGeneration } from '../../db/analytics/cooperation.ts';
import { changesByIds, changesPage, historyOf } from '../../db/repositories/changes.ts';
import { nodesByIds } from '../../db/repositories/nodes.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputFieldError } from '../errors.ts';
import { requestLoader } from '../loaders.ts';
import { type PageArgs, pageWindow, toConnection } from '../paging.ts';
import { reads, unplanned } from '../reads.ts';
import { pageArgs } from './shared.ts';

builder.addScalarType('JSON', JSONResolver);

const ChangeActor = builder.objectRef<StoredChange['actor']>('ChangeActor').implement({
  description:
    'Who made a change: an API token or identity-provider user, or the system user of an import run.',
  extensions: unplanned,
  fields: (t) => ({
    id: t.exposeString('id', {
      description: 'The user id (`Viewer.id`); `cli:<name>` for the command line.',
    }),
    name: t.exposeString('name'),
  }),
});

const ChangeEntryKind = builder.enumType('ChangeEntryKind', {
  description: 'What a change entry is about.',
  values: ['NODE', 'RELATIONSHIP'] as const,
});

const ChangeAction = builder.enumType('ChangeAction', {
  description: 'What happened to the node or relationship.',
  values: ['CREATED', 'UPDATED', 'DELETED'] as const,
});

type PropertyChangeShape = { property: string; before: unknown; after: unknown };

const PropertyChange = builder.objectRef<PropertyChangeShape>('PropertyChange').implement({
  description:
    'One property before and after a change, as JSON values (null: absent). A creation lists every property with `before: null`, a deletion every one with `after: null`.',
  extensions: unplanned,
  fields: (t) => ({
    property: t.exposeString('property'),
    before: t.field({ type: 'JSON', nullable: true, resolve: (change) => change.before ?? null }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (change) => change.after ?? null }),
  }),
});

function actionOf(entry: ChangeEntryShape): 'CREATED' | 'UPDATED' | 'DELETED' {
  if (entry.before === null) return 'CREATED';
  return entry.after === null ? 'DELETED' : 'UPDATED';
}

function propertyChanges(entry: ChangeEntryShape): PropertyChangeShape[] {
  const keys = new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})]);
  return [...keys].sort().map((property) => ({
    property,
    before: entry.before?.[property] ?? null,
    after: entry.after?.[property] ?? null,
  }));
}

/** A node an entry names, as it is now (whole), batched per label; null once deleted. */
function currentNode(ctx: Context, label: NodeLabel, id: string): Promise<NodeRow | null> {
  return requestLoader<NodeRow | null>(ctx, `change-entry-node:${label}`, (ids) =>
    nodesByIds(ctx.db, label, ids),
  ).load(id);
}

const ChangeEntry = builder.objectRef<ChangeEntryShape>('ChangeEntry').implement({
  description:
    'One node or relationship a change created, updated or deleted, with each changed property before and after.',
  extensions: unplanned,
  fields: (t) => ({
    kind: t.field({
      type: ChangeEntryKind,
      resolve: (entry) => (entry.kind === 'node' ? 'NODE' : 'RELATIONSHIP'),
    }),
    action: t.field({ type: ChangeAction, resolve: actionOf }),
    nodeType: t.string({
      nullable: true,
      description: 'For a node: its type (`Organisation`).',
      resolve: (entry) => (entry.kind === 'node' ? entry.label : null),
    }),
    nodeKey: t.string({
      nullable: true,
      description: 'For a node: its key (the id in the graph), kept after it is deleted.',
      resolve: (entry) => (entry.kind === 'node' ? entry.id : null),
    }),
    node: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description: 'For a node: the node as it is now; null once deleted.',
      resolve: (entry, _args, ctx) =>
        entry.kind === 'node' ? (currentNode(ctx, entry.label, entry.id) as never) : null,
    }),
    relationshipType: t.string({
      nullable: true,
      description: 'For a relationship: its type (`MEMBER_OF`).',
      resolve: (entry) => (entry.kind === 'relationship' ? entry.type : null),
    }),
    fromKey: t.string({
      nullable: true,
      description: 'For a relationship: the key of the node it starts at.',
      resolve: (entry) => (entry.kind === 'relationship' ? entry.from : null),
    }),
    toKey: t.string({
      nullable: true,
      description: 'For a relationship: the key of the node it ends at.',
      resolve: (entry) => (entry.kind === 'relationship' ? entry.to : null),
    }),
    changes: t.field({
      type: [PropertyChange],
      description: 'Each changed property, by name: the easiest way to read what happened.',
      resolve: propertyChanges,
    }),
    before: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The changed properties before, as one JSON object; null for a creation.',
      resolve: (entry) => entry.before,
    }),
    after: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The changed properties after, as one JSON object; null for a deletion.',
      resolve: (entry) => entry.after,
    }),
  }),
});

export const ChangeRef = builder.objectRef<StoredChange>('Change');

ChangeRef.implement({
  description:
    'One recorded write: a mutation, an import run or its undo, or a revert; who made it, when, and what it changed. Import runs list no entries (the Import and its facts say what it wrote): `summary` has their counts.',
  extensions: unplanned,
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The change id, as `revertChange` takes it.' }),
    at: t.exposeString('at', { description: 'When it was committed (ISO 8601, UTC).' }),
    actor: t.field({ type: ChangeActor, resolve: (change) => change.actor }),
    operation: t.exposeString('operation', {
      description: 'The mutation (`updateOrganisation`), or `import`, `undoImport`, `revertChange`.',
    }),
    note: t.exposeString('note', { nullable: true }),
    importId: t.exposeID('importId', {
      nullable: true,
      description: 'For an import run or undo: the Import it is about.',
    }),
    summary: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'For an import run or undo: stream, file, checksum, rows and counts of nodes and relationships.',
      resolve: (change) => change.summary,
    }),
    entryCount: t.exposeInt('entryCount'),
    entries: t.field({ type: [ChangeEntry], resolve: (change) => change.entries }),
    revertOf: t.field({
      type: ChangeRef,
      nullable: true,
      description: 'The change this one reverted.',
      resolve: (change, _args, ctx) => (change.revertOf ? changeById(ctx, change.revertOf) : null),
    }),
    revertedBy: t.field({
      type: ChangeRef,
      nullable: true,
      description: 'The change that reverted this one; null while it stands.',
      resolve: (change, _args, ctx) => (change.revertedBy ? changeById(ctx, change.revertedBy) : null),
    }),
  }),
});

function changeById(ctx: Context, id: string): Promise<StoredChange | null> {
  return requestLoader<StoredChange | null>(ctx, 'changes-by-id', (ids) => changesByIds(ctx.db, ids)).load(
    id,
  );
}

const ChangeConnection = builder.connectionObject(
  {
    type: ChangeRef,
    name: 'ChangeConnection',
    extensions: unplanned,
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many changes, over all pages.',
        resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
      }),
    }),
  },
  { name: 'ChangeEdge', extensions: unplanned },
);

function connectionOfPage(
  window: { offset: number; limit: number },
  page: { total: number; changes: StoredChange[] },
) {
  return toConnection(window, page.total, page.changes, (node, cursor) => ({ node, cursor }));
}

/**
 * `history` on the Node interface, so every node type has it and a client asks for it without
 * knowing the type: one round trip per label and page window for all the nodes of a list.
 */
builder.interfaceFields(builder.nodeInterfaceRef(), (t) => ({
  history: t.field({
    type: ChangeConnection,
    description:
      'Changes to this node and to its relationships, newest first (imports that state it included), kept after a deletion.',
    args: pageArgs(t.arg),
    extensions: reads('id'),
    complexity: (args: PageArgs) => ({ field: 1, multiplier: Math.max(1, args.first ?? 20) }),
    resolve: async (parent, args, ctx) => {
      const row = parent as NodeRow;
      const label = row.label as NodeLabel;
      const window = pageWindow(args);
      const page = await requestLoader(ctx, `history:${label}:${window.offset}:${window.limit}`, (ids) =>
        historyOf(ctx.db, label, ids, window),
      ).load(row.id);
      return connectionOfPage(window, page) as never;
    },
  }),
}));

builder.queryFields((t) => ({
  changes: t.field({
    type: ChangeConnection,
    description:
      'The audit log, newest first: every change, or those of one user (`actor`), one import (`importId`, its run and undo) or one operation.',
    args: {
      ...pageArgs(t.arg),
      actor: t.arg.string({ description: 'A user id (`Change.actor.id`, `Viewer.id`).' }),
      importId: t.arg.id({ description: 'An Import id.' }),
      operation: t.arg.string({ description: 'A mutation name, `import`, `undoImport` or `revertChange`.' }),
    },
    complexity: (args) => ({ field: 1, multiplier: Math.max(1, args.first ?? 20) }),
    resolve: async (_root, args, ctx) => {
      const window = pageWindow(args);
      const page = await changesPage(
        ctx.db,
        {
          actorId: args.actor,
          importId: args.importId === null ? null : args.importId?.toString(),
          operation: args.operation,
        },
        window,
      );
      return connectionOfPage(window, page) as never;
    },
  }),
  change: t.field({
    type: ChangeRef,
    nullable: true,
    description: 'One change by its id; null when none has it.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => changeById(ctx, String(args.id)),
  }),
}));

const RevertChangeInput = builder.inputType('RevertChangeInput', {
  fields: (t) => ({
    id: t.id({ required: true, description: 'The `Change.id` to revert.' }),
    version: t.int({
      description:
        'The version the admin saw of the nodes the change touched: when given, each that still exists must be at it (CONFLICT otherwise).',
    }),
    note: t.string({ description: 'Why; recorded on the revert.' }),
  }),
});

const RevertChangePayload = builder
  .objectRef<{ change: StoredChange; reverted: StoredChange }>('RevertChangePayload')
  .implement({
    extensions: unplanned,
    fields: (t) => ({
      change: t.field({ type: ChangeRef, description: 'The revert, as recorded.', resolve: (p) => p.change }),
      reverted: t.field({
        type: ChangeRef,
        description: 'The change reverted, now with `revertedBy`.',
        resolve: (p) => p.reverted,
      }),
    }),
  });

builder.mutationFields((t) => ({
  revertChange: t.field({
    type: RevertChangePayload,
    description:
      'Applies the inverse of a recorded change in one transaction (ADMIN), itself recorded as a change. CONFLICT when what it changed has changed since (compared with its `after`) or `version` is stale; an import run is undone with the import undo instead.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: RevertChangeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer;
      if (!viewer)
        throw new GraphQLError('revertChange needs a token', { extensions: { code: 'UNAUTHENTICATED' } });
      if (input.note !== null && input.note !== undefined && input.note.length > 2000) {
        throw new InputFieldError([{ field: 'input.note', message: 'at most 2000 characters' }]);
      }
      try {
        const { id } = await ctx.db.write((tx) =>
          revertChangeInTransaction(tx, {
            changeId: String(input.id),
            actor: { id: viewer.id, name: viewer.name },
            version: input.version ?? undefined,
            note: input.note ?? undefined,
          }),
        );
        bumpDatasetGeneration();
        const [change, reverted] = await changesByIds(ctx.db, [id, String(input.id)]);
        if (!change || !reverted) throw new Error(`change ${id} was committed but cannot be read`);
        return { change, reverted };
      } catch (error) {
        if (error instanceof RevertError) {
          throw new GraphQLError(error.message, { extensions: { code: error.code, id: error.id } });
        }
        throw error;
      }
    },
  }),
}));
