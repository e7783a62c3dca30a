import { type DocumentNode, getOperationAST, Kind, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.ts';
import { DatabaseUnavailableError } from '../db/errors.ts';
import type { Context } from './context.ts';

/** Whether every root field of the operation is introspection (`__schema`, `__type`, `__typename`). */
function introspectionOnly(document: DocumentNode, operationName: string | null | undefined): boolean {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const onlyMeta = (set: SelectionSetNode, seen: Set<string>): boolean =>
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value.startsWith('__');
      if (selection.kind === Kind.INLINE_FRAGMENT) return onlyMeta(selection.selectionSet, seen);
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) return true;
      return onlyMeta(fragment.selectionSet, new Set([...seen, name]));
    });
  const operation = getOperationAST(document, operationName);
  return operation ? onlyMeta(operation.selectionSet, new Set()) : false;
}

function isUnavailable(error: unknown): boolean {
  return (error as { extensions?: { code?: unknown } }).extensions?.code === 'SERVICE_UNAVAILABLE';
}

/** The DatabaseUnavailableError behind a field error, for its reason and the driver's error. */
function unavailableCause(error: unknown): DatabaseUnavailableError | undefined {
  const original = (error as { originalError?: unknown }).originalError;
  if (original instanceof DatabaseUnavailableError) return original;
  return error instanceof DatabaseUnavailableError ? error : undefined;
}

/**
 * While Neo4j is known to be unreachable (the circuit is open), an operation that reads the graph
 * is refused before it runs: SERVICE_UNAVAILABLE, a Retry-After, and no `data`, so HTTP 503 for
 * `application/graphql-response+json` (GraphQL-over-HTTP allows a 5xx only without `data`).
 * Introspection still answers. A request whose fields hit the outage while running keeps its
 * partial data (200) and gets the same code and header. Either way it is logged once, with why.
 */
export function useDatabaseAvailability(db: Database): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as Context;
      if (!db.available && !introspectionOnly(args.document, args.operationName)) {
        const refusal = db.unavailableError({ beforeExecution: true });
        ctx.log.warn({ reason: refusal.reason }, 'request refused: Neo4j is unreachable');
        setResultAndStopExecution({ errors: [refusal] });
        return;
      }
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) || !result.errors) return;
          const unavailable = result.errors.filter(isUnavailable);
          const first = unavailable[0];
          if (!first) return;
          const cause = unavailableCause(first);
          ctx.log.warn(
            { reason: cause?.reason, err: cause?.originalError ?? first, fields: unavailable.length },
            'Neo4j was unavailable during a request',
          );
        },
      };
    },
  };
}
