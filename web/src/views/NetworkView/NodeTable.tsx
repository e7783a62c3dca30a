import { humanize } from '../../format.ts';
import { type ExplorerNode, formatValue } from '../../graph/encodings.ts';

export const TABLE_COLUMNS = [
  { key: 'label', text: 'Name' },
  { key: 'organisationKind', text: 'Kind' },
  { key: 'regionCode', text: 'Region' },
  { key: 'degree', text: 'Partners' },
  { key: 'weightedDegree', text: 'Weighted degree' },
  { key: 'betweenness', text: 'Betweenness' },
  { key: 'community', text: 'Community' },
] as const satisfies readonly { key: keyof ExplorerNode; text: string }[];
export type SortKey = (typeof TABLE_COLUMNS)[number]['key'];
const PAGE_SIZE = 50;

export function sortNodes(nodes: readonly ExplorerNode[], key: SortKey): ExplorerNode[] {
  const text = key === 'label' || key === 'organisationKind' || key === 'regionCode';
  return [...nodes].sort((a, b) => {
    const left = a[key];
    const right = b[key];
    if (text) return String(left ?? '').localeCompare(String(right ?? '')) || a.key.localeCompare(b.key);
    return Number(right ?? -1) - Number(left ?? -1) || a.label.localeCompare(b.label);
  });
}

/**
 * The network's nodes as a table: the same nodes as the drawing, for keyboards and screen
 * readers. Sorting by a column (names A–Z, measures highest first) and choosing a node with its
 * button select it in the drawing too.
 */
export function NodeTable(props: {
  nodes: readonly ExplorerNode[];
  sort: SortKey;
  page: number;
  selected: string | null;
  onSort: (key: SortKey) => void;
  onPage: (page: number) => void;
  onSelect: (key: string) => void;
}) {
  const sorted = sortNodes(props.nodes, props.sort);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, props.page), pages);
  const rows = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <div className="explorer__table">
      <table className="data-table" data-testid="explorer-table">
        <caption className="visually-hidden">Nodes of the network, {props.nodes.length} in all</caption>
        <thead>
          <tr>
            {TABLE_COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={
                  props.sort === column.key ? (column.key === 'label' ? 'ascending' : 'descending') : 'none'
                }
              >
                <button type="button" className="link-button" onClick={() => props.onSort(column.key)}>
                  {column.text}
                  {props.sort === column.key ? (column.key === 'label' ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((node) => (
            <tr key={node.key} aria-selected={node.key === props.selected} data-testid="explorer-row">
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={node.key === props.selected}
                  onClick={() => props.onSelect(node.key)}
                >
                  {node.label}
                </button>
              </th>
              <td>{node.organisationKind ? humanize(node.organisationKind) : humanize(node.kind)}</td>
              <td>{node.regionCode ?? '—'}</td>
              <td className="numeric">{node.degree ?? '—'}</td>
              <td className="numeric">{node.weightedDegree ?? '—'}</td>
              <td className="numeric">{node.betweenness === null ? '—' : formatValue(node.betweenness)}</td>
              <td className="numeric">{node.community === null ? '—' : node.community + 1}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="pager" aria-label="Pages of the node table">
          <button type="button" disabled={page <= 1} onClick={() => props.onPage(page - 1)}>
            Previous
          </button>
          <span>
            Page {page} of {pages}
          </span>
          <button type="button" disabled={page >= pages} onClick={() => props.onPage(page + 1)}>
            Next
          </button>
        </nav>
      )}
    </div>
  );
}
