import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { humanize } from '../format.ts';
import { graphql } from '../gql';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Section } from './Section.tsx';

const PAGE_SIZE = 10;

const HistorySectionQuery = graphql(`
  query HistorySectionQuery($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      id
      history(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            at
            operation
            note
            importId
            summary
            actor {
              id
              name
            }
            revertedBy {
              id
              at
              actor {
                name
              }
            }
            entries {
              kind
              action
              nodeType
              nodeKey
              relationshipType
              fromKey
              toKey
              changes {
                property
                before
                after
              }
            }
          }
        }
      }
    }
  }
`);

/** `updateOrganisation` as "Update organisation". */
export function operationWords(operation: string): string {
  const words = operation.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A property value as a reader reads it: text as it is, lists joined, anything else as JSON. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

/** `2026-12-02T15:04:05.123456789Z` as `2026-12-02 15:04 UTC`: the same for every reader. */
export function formatInstant(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

type Counts = { created?: number; updated?: number; removed?: number };

/** An import run's counts in words: "12 created, 3 updated". */
export function importSummary(summary: unknown): string {
  const { file, nodes, relationships } = (summary ?? {}) as {
    file?: string;
    nodes?: Counts;
    relationships?: Counts;
  };
  const total = (key: keyof Counts) => (nodes?.[key] ?? 0) + (relationships?.[key] ?? 0);
  const parts = (['created', 'updated', 'removed'] as const)
    .filter((key) => total(key) > 0)
    .map((key) => `${total(key)} ${key}`);
  return `${file ?? 'a file'}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

const BOOKKEEPING = new Set(['searchName', 'searchAlso', 'searchSectors']);

/**
 * Who changed this node, when, and what: each change with its property changes before and
 * after, import runs with their counts, a revert with what it reverted. Its own query, so the
 * entity page's data is not held back by it; older changes page by cursor.
 */
export function HistorySection({ nodeId }: { nodeId: string }) {
  const [after, setAfter] = useState<string[]>([]);
  const { data, error, loading, refetch } = useQuery(HistorySectionQuery, {
    variables: { id: nodeId, first: PAGE_SIZE, after: after.at(-1) ?? null },
  });
  const history = data?.node?.history;
  return (
    <Section title="History" count={history?.totalCount} testId="entity-history">
      {error && <ErrorNotice what="The history" error={error} onRetry={() => void refetch()} />}
      {!error && loading && !history && <p className="muted">Loading the history…</p>}
      {history && history.totalCount === 0 && (
        <p className="muted">No recorded change: this is as it was loaded or imported.</p>
      )}
      {history && history.edges.length > 0 && (
        <ol className="history" data-testid="history">
          {history.edges.map(({ node: change }) => (
            <li key={change.id} className="history__change" data-testid="history-change">
              <p className="history__head">
                <time dateTime={change.at}>{formatInstant(change.at)}</time>{' '}
                <strong data-testid="history-actor">{change.actor.name}</strong>{' '}
                <span data-testid="history-operation">{operationWords(change.operation)}</span>
                {change.revertedBy && (
                  <span className="badge" data-testid="history-reverted">
                    reverted by {change.revertedBy.actor.name} on {formatInstant(change.revertedBy.at)}
                  </span>
                )}
              </p>
              {change.note && <p className="history__note">{change.note}</p>}
              {change.importId && <p className="muted">Import: {importSummary(change.summary)}</p>}
              {change.entries.length > 0 && (
                <ul className="history__entries">
                  {change.entries.map((entry, index) => (
                    // Entries have no id of their own; their order in the change is stable.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <li key={index}>
                      <span className="history__what">
                        {entry.kind === 'NODE'
                          ? `${entry.nodeType} ${entry.nodeKey}`
                          : `${humanize(entry.relationshipType ?? '')} ${entry.fromKey} → ${entry.toKey}`}{' '}
                        {entry.action.toLowerCase()}
                      </span>
                      <table className="history__properties">
                        <thead>
                          <tr>
                            <th scope="col">Property</th>
                            <th scope="col">Before</th>
                            <th scope="col">After</th>
                          </tr>
                        </thead>
                        <tbody>
                          {entry.changes
                            .filter((property) => !BOOKKEEPING.has(property.property))
                            .map((property) => (
                              <tr key={property.property} data-testid="history-property">
                                <th scope="row">{property.property}</th>
                                <td>{formatValue(property.before)}</td>
                                <td>{formatValue(property.after)}</td>
                              </tr>
                            ))}
                        </tbody>
                      </table>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {(after.length > 0 || history?.pageInfo.hasNextPage) && (
        <p className="history__pages">
          {after.length > 0 && (
            <button type="button" onClick={() => setAfter(after.slice(0, -1))}>
              Newer changes
            </button>
          )}{' '}
          {history?.pageInfo.hasNextPage && history.pageInfo.endCursor && (
            <button type="button" onClick={() => setAfter([...after, history.pageInfo.endCursor ?? ''])}>
              Older changes
            </button>
          )}
        </p>
      )}
    </Section>
  );
}
