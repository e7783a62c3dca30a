import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../../app/focus.tsx';
import { entityPath } from '../../app/paths.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { enumOptions, SelectFilter } from '../../components/Filters.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { Section } from '../../components/Section.tsx';
import { SectorSelect } from '../../components/SectorSelect.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import { formatCount, humanize } from '../../format.ts';
import { graphql } from '../../gql';
import type { NetworkMetric, NetworkViewQueryQuery } from '../../gql/graphql.ts';
import { type CanvasHandle, ExplorerCanvas, type Viewport } from '../../graph/ExplorerCanvas.tsx';
import {
  COLOUR_MEASURES,
  type ExplorerEdge,
  type ExplorerNode,
  encodeNodes,
  formatValue,
  MEASURE_WORDS,
  SIZE_MEASURES,
} from '../../graph/encodings.ts';
import { download, edgesCsv, networkGexf, nodesCsv } from '../../graph/exports.ts';
import { ShapeSwatch } from '../../graph/ShapeSwatch.tsx';
import { usePageTitle } from '../../hooks/usePageTitle.ts';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';
import {
  colourMeasure,
  EXPLORER_DEFAULTS,
  formatViewport,
  NODE_KINDS,
  NODE_LIMITS,
  networkVariables,
  ORGANISATION_KINDS,
  ORIGINS,
  parseViewport,
  sizeMeasure,
  TIE_KINDS,
} from './explorer-state.ts';
import { NodeTable, type SortKey, TABLE_COLUMNS } from './NodeTable.tsx';
import { TiesByYear } from './TiesByYear.tsx';

const NetworkViewQuery = graphql(`
  query NetworkViewQuery($filter: FilterNetworkInput, $metrics: [NetworkMetric!], $first: Int) {
    network(filter: $filter, metrics: $metrics, first: $first) {
      description {
        nodeCount
        edgeCount
      }
      nodes {
        key
        id
        label
        kind
        organisationKind
        regionCode
        memberCount
        degree
        weightedDegree
        betweenness
        pagerank
        community
        component
        brokerage
        brokerRoles {
          dimension
          pairCount
        }
      }
      edges {
        source
        target
        weight
        projectCount
        explanation
        from
        to
      }
      nodeCap
      truncated
      metrics {
        metric
        summary {
          name
          value
        }
      }
    }
  }
`);

const NetworkFacetsQuery = graphql(`
  query NetworkFacetsQuery {
    ...RegionSelect_query
    ...SectorSelect_query
    programmes(first: 100, orderBy: NAME_ASC) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const BASE_METRICS: NetworkMetric[] = [
  'DEGREE',
  'WEIGHTED_DEGREE',
  'BETWEENNESS',
  'PAGERANK',
  'LOUVAIN',
  'COMPONENTS',
];
const RESEARCH = new Set(['UNIVERSITY', 'RESEARCH_INSTITUTE']);
const BUSINESS = new Set(['SME', 'COMPANY', 'LARGE_COMPANY']);
const YEARS = Array.from({ length: 2030 - 2000 + 1 }, (_, index) => String(2000 + index));
/** Nodes marked as brokers: the top by betweenness. */
const BROKER_COUNT = 10;

function pagePath(node: ExplorerNode): string | null {
  if (node.kind === 'ORGANISATION') return entityPath('Organisation', node.key);
  if (node.kind === 'CLUSTER') return entityPath('Cluster', node.key);
  return `/regions/${encodeURIComponent(node.key)}`;
}

/**
 * The network explorer: the cooperation network of any filter, drawn (laid out off the main
 * thread), coloured and sized by a measure, with the same nodes as a sortable table, the chosen
 * node's facts and ties, how ties grew per year, and exports. Every choice lives in the URL.
 */
export function NetworkView() {
  usePageTitle('Network explorer');
  const [params, setParams] = useUrlFilters(EXPLORER_DEFAULTS);
  const variables = useMemo(() => networkVariables(params), [params]);
  const metrics = useMemo(
    () => [...BASE_METRICS, ...(variables.brokers ? (['BROKERAGE'] as NetworkMetric[]) : [])],
    [variables.brokers],
  );
  const queryVariables = useMemo(
    () => ({ filter: variables.filter, first: variables.first, metrics }),
    [variables.filter, variables.first, metrics],
  );
  const filterKey = JSON.stringify(queryVariables);
  // Stable across looks and selection: only a new filter re-renders the query.
  const stableVariables = useMemo(() => JSON.parse(filterKey) as typeof queryVariables, [filterKey]);
  const { data, previousData, error, loading, refetch } = useQuery(NetworkViewQuery, {
    variables: stableVariables,
  });
  const facets = useQuery(NetworkFacetsQuery);
  const network = (data ?? previousData)?.network as NetworkViewQueryQuery['network'] | undefined;

  const nodes = useMemo<ExplorerNode[]>(
    () => network?.nodes.map(({ brokerRoles: _, ...node }) => node) ?? [],
    [network],
  );
  const edges = useMemo<ExplorerEdge[]>(() => network?.edges ?? [], [network]);
  const byKey = useMemo(() => new Map(network?.nodes.map((node) => [node.key, node]) ?? []), [network]);
  const colourBy = colourMeasure(params);
  const sizeBy = sizeMeasure(params);
  const encoded = useMemo(
    () =>
      encodeNodes(nodes, colourBy, sizeBy, (category) =>
        /^[A-Z_]+$/.test(category) ? humanize(category) : category,
      ),
    [nodes, colourBy, sizeBy],
  );
  const brokers = useMemo(() => {
    if (params.brokers !== 'on') return new Set<string>();
    return new Set(
      [...nodes]
        .filter((node) => (node.betweenness ?? 0) > 0)
        .sort((a, b) => (b.betweenness ?? 0) - (a.betweenness ?? 0))
        .slice(0, BROKER_COUNT)
        .map((node) => node.key),
    );
  }, [nodes, params.brokers]);
  const researchBusiness = useMemo(() => {
    let ties = 0;
    for (const edge of edges) {
      const a = byKey.get(edge.source)?.organisationKind ?? '';
      const b = byKey.get(edge.target)?.organisationKind ?? '';
      if ((RESEARCH.has(a) && BUSINESS.has(b)) || (RESEARCH.has(b) && BUSINESS.has(a))) ties++;
    }
    return ties;
  }, [edges, byKey]);

  const canvas = useRef<CanvasHandle | null>(null);
  const [canvasReady, setCanvasReady] = useState(false);
  const onReady = useCallback((handle: CanvasHandle | null) => {
    canvas.current = handle;
    setCanvasReady(handle !== null);
  }, []);
  // The viewport of a shared link is applied once, on the first drawing.
  const [initialViewport] = useState(() => parseViewport(params.zoom));
  const onViewport = useCallback(
    (viewport: Viewport) => setParams({ zoom: formatViewport(viewport), page: params.page }),
    [setParams, params.page],
  );
  const select = useCallback(
    (key: string | null) => setParams({ sel: key ?? '', page: params.page }),
    [setParams, params.page],
  );
  const selected = params.sel && byKey.has(params.sel) ? params.sel : null;
  const selectedNode = selected ? byKey.get(selected) : undefined;
  const selectedTies = useMemo(
    () =>
      selected
        ? edges
            .filter((edge) => edge.source === selected || edge.target === selected)
            .sort((a, b) => b.weight - a.weight)
        : [],
    [edges, selected],
  );

  const exportName = `network-${params.kind.toLowerCase()}${params.region ? `-${params.region}` : ''}${params.from ? `-${params.from}` : ''}${params.to ? `-${params.to}` : ''}`;
  const summary = (metric: string, name: string) =>
    network?.metrics.find((run) => run.metric === metric)?.summary.find((entry) => entry.name === name)
      ?.value;
  const programmes = facets.data?.programmes.edges.map((edge) => edge.node) ?? [];

  return (
    <article className="explorer">
      <header className="view-heading">
        <div>
          <p className="eyebrow">Cooperation</p>
          <PageHeading testId="explorer-title">Network explorer</PageHeading>
          <p className="lede">
            Who works with whom: organisations, clusters or regions tied by the projects, clusters and
            partnerships they share. Choose a filter and a period, colour by community or kind, find the
            brokers.
          </p>
        </div>
      </header>

      <form
        className="toolbar explorer__filters"
        aria-label="Network filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectFilter
          label="Nodes"
          value={params.kind === 'ORGANISATION' ? '' : params.kind}
          options={enumOptions(NODE_KINDS.filter((kind) => kind !== 'ORGANISATION'))}
          onChange={(kind) => setParams({ kind: kind || 'ORGANISATION', sel: '', zoom: '' })}
          testId="explorer-kind"
          anyText="Organisations"
        />
        <SelectFilter
          label="Ties"
          value={params.ties === 'CO_PARTICIPATION' ? '' : params.ties}
          options={enumOptions(TIE_KINDS.filter((kind) => kind !== 'CO_PARTICIPATION'))}
          onChange={(ties) => setParams({ ties: ties || 'CO_PARTICIPATION', zoom: '' })}
          testId="explorer-ties"
          anyText="Co participation"
        />
        <RegionSelect
          query={facets.data}
          value={params.region}
          onChange={(region) => setParams({ region, zoom: '' })}
        />
        <SectorSelect
          query={facets.data}
          value={params.sector}
          onChange={(sector) => setParams({ sector, zoom: '' })}
        />
        {params.kind === 'ORGANISATION' && (
          <SelectFilter
            label="Kind of organisation"
            value={params.okind}
            options={enumOptions(ORGANISATION_KINDS)}
            onChange={(okind) => setParams({ okind, zoom: '' })}
            testId="explorer-okind"
          />
        )}
        <SelectFilter
          label="Programme"
          value={params.programme}
          options={programmes.map((programme) => ({ value: programme.id, text: programme.name }))}
          onChange={(programme) => setParams({ programme, zoom: '' })}
          testId="explorer-programme"
        />
        <fieldset className="explorer__period">
          <legend className="field__label">Period (project years)</legend>
          <SelectFilter
            label="From"
            value={params.from}
            options={YEARS.map((year) => ({ value: year, text: year }))}
            onChange={(from) => setParams({ from, zoom: '' })}
            testId="explorer-from"
          />
          <SelectFilter
            label="To"
            value={params.to}
            options={YEARS.map((year) => ({ value: year, text: year }))}
            onChange={(to) => setParams({ to, zoom: '' })}
            testId="explorer-to"
          />
        </fieldset>
        <SelectFilter
          label="Origin"
          value={params.origin}
          options={enumOptions(ORIGINS)}
          onChange={(origin) => setParams({ origin, zoom: '' })}
          testId="explorer-origin"
        />
        <SelectFilter
          label="At most"
          value={params.first === '500' ? '' : params.first}
          options={NODE_LIMITS.filter((limit) => limit !== '500').map((limit) => ({
            value: limit,
            text: `${formatCount(Number(limit))} nodes`,
          }))}
          onChange={(first) => setParams({ first: first || '500', zoom: '' })}
          testId="explorer-first"
          anyText="500 nodes"
        />
      </form>

      <fieldset className="toolbar explorer__looks">
        <legend className="visually-hidden">How nodes look, and exports</legend>
        <label className="field">
          <span className="field__label">Colour and shape by</span>
          <select
            value={colourBy}
            onChange={(event) => setParams({ colour: event.target.value, page: params.page })}
            data-testid="explorer-colour"
          >
            {COLOUR_MEASURES.map((measure) => (
              <option key={measure} value={measure}>
                {MEASURE_WORDS[measure]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Size by</span>
          <select
            value={sizeBy}
            onChange={(event) => setParams({ size: event.target.value, page: params.page })}
            data-testid="explorer-size"
          >
            {SIZE_MEASURES.map((measure) => (
              <option key={measure} value={measure}>
                {MEASURE_WORDS[measure]}
              </option>
            ))}
          </select>
        </label>
        <label className="toggle">
          <input
            type="checkbox"
            checked={params.brokers === 'on'}
            onChange={(event) => setParams({ brokers: event.target.checked ? 'on' : '', page: params.page })}
            data-testid="explorer-brokers"
          />
          <span>Highlight brokers (top {BROKER_COUNT} by betweenness, double border)</span>
        </label>
        <fieldset className="explorer__exports">
          <legend className="visually-hidden">Export</legend>
          <button
            type="button"
            className="button button--quiet"
            disabled={!canvasReady}
            onClick={() => canvas.current && download(`${exportName}.png`, canvas.current.png())}
            data-testid="export-png"
          >
            PNG
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={!network}
            onClick={() => download(`${exportName}-nodes.csv`, nodesCsv(nodes), 'text/csv')}
            data-testid="export-nodes-csv"
          >
            Nodes CSV
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={!network}
            onClick={() => download(`${exportName}-ties.csv`, edgesCsv(edges), 'text/csv')}
            data-testid="export-edges-csv"
          >
            Ties CSV
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={!network}
            onClick={() =>
              download(
                `${exportName}.gexf`,
                networkGexf(nodes, edges, encoded.looks, canvas.current?.positions() ?? new Map()),
                'application/xml',
              )
            }
            data-testid="export-gexf"
          >
            GEXF
          </button>
        </fieldset>
      </fieldset>

      {error && <ErrorNotice what="The network" error={error} onRetry={() => void refetch()} />}
      {!network && !error && <Skeleton label="Computing the network…" />}
      {network && (
        <>
          <p className="table-summary" role="status" data-testid="explorer-summary" aria-busy={loading}>
            {formatCount(nodes.length)} of {formatCount(network.description.nodeCount)} nodes ·{' '}
            {formatCount(edges.length)} of {formatCount(network.description.edgeCount)} ties
            {network.truncated && ` · the ${formatCount(network.nodeCap)} with most shared projects shown`}
            {summary('LOUVAIN', 'communityCount') && ` · ${summary('LOUVAIN', 'communityCount')} communities`}
            {summary('LOUVAIN', 'modularity') &&
              ` (modularity ${Number(summary('LOUVAIN', 'modularity')).toFixed(2)})`}
            {summary('COMPONENTS', 'componentCount') &&
              ` · ${summary('COMPONENTS', 'componentCount')} connected parts`}
            {params.kind === 'ORGANISATION' && ` · ${formatCount(researchBusiness)} research–business ties`}
            {loading && ' · updating…'}
          </p>
          <div className="explorer__layout">
            <div className="explorer__main">
              {nodes.length === 0 ? (
                <p className="empty-state">No ties match this filter: widen the period or the region.</p>
              ) : (
                <ExplorerCanvas
                  nodes={nodes}
                  edges={edges}
                  looks={encoded.looks}
                  brokers={brokers}
                  selected={selected}
                  initialViewport={initialViewport}
                  label={`Cooperation network of ${nodes.length} nodes and ${edges.length} ties; the table below lists the same nodes`}
                  onSelect={select}
                  onViewport={onViewport}
                  onReady={onReady}
                />
              )}
              <ul className="legend" aria-label="Legend" data-testid="explorer-legend">
                {encoded.legend.map((entry) => (
                  <li key={entry.text} className="legend__item">
                    <ShapeSwatch shape={entry.shape} colour={entry.colour} />
                    {entry.text} <span className="muted">({formatCount(entry.count)})</span>
                  </li>
                ))}
              </ul>
              {encoded.shapeLegend.length > 0 && (
                <ul className="legend" aria-label="Shapes">
                  {encoded.shapeLegend.slice(0, 10).map((entry) => (
                    <li key={entry.text} className="legend__item">
                      <ShapeSwatch shape={entry.shape} colour="#52606d" />
                      {entry.text}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <aside className="explorer__aside" aria-label="Selected node" data-testid="explorer-details">
              {selectedNode ? (
                <>
                  <h2 className="card__title">{selectedNode.label}</h2>
                  <dl className="facts">
                    <dt>Kind</dt>
                    <dd>{humanize(selectedNode.organisationKind ?? selectedNode.kind)}</dd>
                    <dt>Region</dt>
                    <dd>{selectedNode.regionCode ?? 'not stated'}</dd>
                    {selectedNode.kind !== 'ORGANISATION' && (
                      <>
                        <dt>Organisations</dt>
                        <dd>{formatCount(selectedNode.memberCount)}</dd>
                      </>
                    )}
                    <dt>Partners (degree)</dt>
                    <dd data-testid="details-degree">{selectedNode.degree ?? '—'}</dd>
                    <dt>Weighted degree</dt>
                    <dd>{selectedNode.weightedDegree ?? '—'}</dd>
                    <dt>Betweenness</dt>
                    <dd>{selectedNode.betweenness === null ? '—' : formatValue(selectedNode.betweenness)}</dd>
                    <dt>PageRank</dt>
                    <dd>{selectedNode.pagerank === null ? '—' : formatValue(selectedNode.pagerank)}</dd>
                    <dt>Community</dt>
                    <dd>{selectedNode.community === null ? '—' : selectedNode.community + 1}</dd>
                    {selectedNode.brokerRoles && selectedNode.brokerRoles.length > 0 && (
                      <>
                        <dt>Brokers between</dt>
                        <dd>
                          {selectedNode.brokerRoles
                            .map(
                              (role) =>
                                `${role.pairCount} pairs of ${humanize(role.dimension).toLowerCase()}s`,
                            )
                            .join('; ')}
                        </dd>
                      </>
                    )}
                  </dl>
                  {pagePath(selectedNode) && (
                    <p>
                      <Link to={pagePath(selectedNode) ?? '/'}>Open its page</Link>
                    </p>
                  )}
                  <h3 className="small">Ties ({selectedTies.length})</h3>
                  <ul className="item-list explorer__ties" data-testid="details-ties">
                    {selectedTies.slice(0, 50).map((edge) => {
                      const other = edge.source === selected ? edge.target : edge.source;
                      return (
                        <li key={`${edge.source} ${edge.target}`}>
                          <button type="button" className="link-button" onClick={() => select(other)}>
                            {byKey.get(other)?.label ?? other}
                          </button>
                          <div className="subtle">{edge.explanation}</div>
                        </li>
                      );
                    })}
                  </ul>
                  <button type="button" className="button button--quiet" onClick={() => select(null)}>
                    Clear the selection
                  </button>
                </>
              ) : (
                <p className="muted">
                  Select a node in the drawing or in the table to see its facts, its measures and its ties.
                  Scroll to zoom, drag to pan.
                </p>
              )}
            </aside>
          </div>

          <Section title="Nodes" count={nodes.length} testId="explorer-nodes">
            <NodeTable
              nodes={nodes}
              sort={
                (TABLE_COLUMNS.some((column) => column.key === params.sort)
                  ? params.sort
                  : 'weightedDegree') as SortKey
              }
              page={Number.parseInt(params.page, 10) || 1}
              selected={selected}
              onSort={(sort) => setParams({ sort })}
              onPage={(page) => setParams({ page: String(page) })}
              onSelect={select}
            />
          </Section>
          <Section title="How cooperation changed" testId="explorer-years">
            <TiesByYear edges={edges} />
          </Section>
        </>
      )}
    </article>
  );
}
