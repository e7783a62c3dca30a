import { type ReactNode, useState } from 'react';
import { PageHeading } from '../app/focus.tsx';
import { type EntityLabel, entityRoutes } from '../app/paths.ts';
import { formatCount } from '../format.ts';
import type { Connection } from '../hooks/useListQuery.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { type CsvCell, downloadCsv } from './csv.ts';
import { EntityLink } from './EntityLink.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Skeleton } from './Skeleton.tsx';

export type Column<Row> = {
  header: string;
  /** The cell on screen; a column without it is in the export only. */
  cell?: (row: Row) => ReactNode;
  /** The cell as the CSV export writes it; a column without it is left out of the export. */
  csv?: (row: Row) => CsvCell;
  numeric?: boolean;
  title?: string;
};

type Named = { key: string; synthetic: boolean; acronym?: string | null };

/** A list's first column: the entity's link, its acronym where it differs, a badge on generated data. */
export function nameColumn<Row extends Named>(
  header: string,
  label: EntityLabel,
  name: (row: Row) => string,
): Column<Row> {
  return {
    header,
    cell: (row) => (
      <>
        <EntityLink label={label} entityKey={row.key} testId="row-name">
          {name(row)}
        </EntityLink>
        {row.acronym && row.acronym !== name(row) && <span className="acronym">{row.acronym}</span>}
        {row.synthetic && <span className="badge badge--synthetic">synthetic</span>}
      </>
    ),
    csv: name,
  };
}

type ListState<Row> = {
  connection: Connection<Row> | undefined;
  error: { message: string } | undefined;
  retry: () => void;
  refreshing: boolean;
  loadingMore: boolean;
  loadMore: (after: string) => void;
  exportAll: () => Promise<Row[]>;
};

/**
 * A list page: heading, filters, a summary of what is shown, the table, "load more" and a CSV
 * export of every row the filters select (not only the rows on screen).
 */
export function EntityList<Row extends { id: string }>({
  label,
  lede,
  toolbar,
  columns,
  list,
  curatedOnly,
  rowTestId = 'list-row',
}: {
  label: EntityLabel;
  lede: ReactNode;
  toolbar: ReactNode;
  columns: readonly Column<Row>[];
  list: ListState<Row>;
  curatedOnly: boolean;
  rowTestId?: string;
}) {
  const { plural, singular, segment } = entityRoutes[label];
  usePageTitle(plural);
  const [exporting, setExporting] = useState<'idle' | 'busy' | { failed: string }>('idle');
  const { connection } = list;

  const exportCsv = async () => {
    setExporting('busy');
    try {
      const rows = await list.exportAll();
      const exported = columns.filter((column) => column.csv);
      downloadCsv(
        `${segment}.csv`,
        exported.map((column) => column.header),
        rows.map((row) => exported.map((column) => column.csv?.(row))),
      );
      setExporting('idle');
    } catch (error) {
      setExporting({ failed: error instanceof Error ? error.message : String(error) });
    }
  };

  const shown = columns.filter((column) => column.cell);
  const noun = (count: number) =>
    `${curatedOnly ? 'curated ' : ''}${count === 1 ? singular : plural.toLowerCase()}`;
  return (
    <section className="list-view">
      <div className="view-heading">
        <div>
          <PageHeading>{plural}</PageHeading>
          <p className="lede">{lede}</p>
        </div>
      </div>
      <search className="toolbar" aria-label={`Filter the ${plural.toLowerCase()}`}>
        {toolbar}
      </search>
      {list.error && (
        <ErrorNotice what={`The ${plural.toLowerCase()}`} error={list.error} onRetry={list.retry} />
      )}
      {!connection && !list.error && <Skeleton label={`Loading the ${plural.toLowerCase()}…`} />}
      {connection && (
        <div
          className={`card table-card ${list.refreshing ? 'is-refreshing' : ''}`}
          aria-busy={list.refreshing}
        >
          <div className="table-summary">
            <p data-testid="list-count" aria-live="polite">
              {connection.totalCount === 0
                ? `No ${singular} matches these filters.`
                : `Showing ${formatCount(connection.edges.length)} of ${formatCount(connection.totalCount)} ${noun(connection.totalCount)}`}
            </p>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => void exportCsv()}
              disabled={exporting === 'busy' || connection.totalCount === 0}
              data-testid="export-csv"
            >
              {exporting === 'busy'
                ? 'Exporting…'
                : `Export all ${formatCount(connection.totalCount)} as CSV`}
            </button>
          </div>
          {typeof exporting === 'object' && (
            <p className="notice notice--error" role="alert">
              The export failed: {exporting.failed}
            </p>
          )}
          {connection.edges.length > 0 && (
            <div className="table-scroll">
              <table className="data-table" data-testid="list-table">
                <thead>
                  <tr>
                    {shown.map((column) => (
                      <th
                        key={column.header}
                        scope="col"
                        className={column.numeric ? 'numeric' : undefined}
                        title={column.title}
                      >
                        {column.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {connection.edges.map(({ node }) => (
                    <tr key={node.id} data-testid={rowTestId}>
                      {shown.map((column) => (
                        <td key={column.header} className={column.numeric ? 'numeric' : undefined}>
                          {column.cell?.(node)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {connection.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
            <div className="table-footer">
              <button
                type="button"
                className="button"
                disabled={list.loadingMore}
                onClick={() => connection.pageInfo.endCursor && list.loadMore(connection.pageInfo.endCursor)}
                data-testid="load-more"
              >
                {list.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
