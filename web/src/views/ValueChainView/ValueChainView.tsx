import { useQuery } from '@apollo/client/react';
import { ORGANISATION_KINDS } from '@clustergraph/schema';
import { useParams } from 'react-router';
import { PageHeading } from '../../app/focus.tsx';
import { globalIdFromSlug } from '../../app/paths.ts';
import { downloadCsv } from '../../components/csv.ts';
import { EntityLink } from '../../components/EntityLink.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { enumOptions, SelectFilter } from '../../components/Filters.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { Section } from '../../components/Section.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import { humanize } from '../../format.ts';
import { graphql } from '../../gql';
import type { OrganisationKind, StageVerdict, ValueChainQueryQuery } from '../../gql/graphql.ts';
import { usePageTitle } from '../../hooks/usePageTitle.ts';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';

const CANDIDATES_PER_STAGE = 10;

const ValueChainQuery = graphql(`
  query ValueChainQuery($id: ID!, $first: Int!, $outsideRegion: String, $kinds: [OrganisationKind!]) {
    node(id: $id) {
      __typename
      id
      ... on Cluster {
        key
        name
        region {
          id
          code
          name
        }
        valueChain {
          coveredShare
          providedShare
          chains {
            sectorKey
            sectorName
            coveredShare
            stages {
              position
              verdict
              reasons
              stage {
                id
                key
                name
                kind
              }
              providers(first: 100) {
                totalCount
                edges {
                  inRegion
                  via
                  node {
                    id
                    key
                    name
                    kind
                  }
                }
              }
            }
          }
        }
      }
    }
    partnerCandidates(clusterId: $id, first: $first, outsideRegion: $outsideRegion, kinds: $kinds) {
      stage {
        verdict
        stage {
          id
          key
          name
        }
      }
      candidates {
        totalCount
        edges {
          score
          reason
          proximity
          distance
          sharedProjects
          via
          node {
            id
            key
            name
            kind
            country
          }
          parts {
            stageFit
            kindFit
            geography
            cooperation
            experience
            availability
          }
        }
      }
    }
  }
`);

type Pool = NonNullable<ValueChainQueryQuery['partnerCandidates']>;

/** A verdict is said in words and by a symbol, never by colour alone. */
const VERDICT: Record<StageVerdict, { symbol: string; text: string }> = {
  COVERED: { symbol: '●', text: 'covered' },
  WEAK: { symbol: '◐', text: 'weak' },
  GAP: { symbol: '○', text: 'gap' },
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

function exportPool(clusterKey: string, pool: Pool) {
  const header = [
    'Stage',
    'Verdict',
    'Organisation',
    'Kind',
    'Country',
    'Score',
    'Stage fit',
    'Kind fit',
    'Geography',
    'Cooperation',
    'Experience',
    'Availability',
    'Why',
  ];
  const rows = pool.flatMap(({ stage, candidates }) =>
    candidates.edges.map(({ node, score, reason, parts }) => [
      stage.stage.name,
      stage.verdict,
      node.name,
      node.kind,
      node.country,
      score.toFixed(3),
      parts.stageFit.toFixed(3),
      parts.kindFit.toFixed(3),
      parts.geography.toFixed(3),
      parts.cooperation.toFixed(3),
      parts.experience.toFixed(3),
      parts.availability.toFixed(3),
      reason,
    ]),
  );
  downloadCsv(`${clusterKey.replace(/[^a-z0-9-]+/gi, '-')}-partner-candidates.csv`, header, rows);
}

/**
 * A cluster's value chains as strips of stages (covered, weak, gap), the members behind a chosen
 * stage, and for the stages wanting partners the ranked candidates with their reasons.
 */
export function ValueChainView() {
  const { slug = '' } = useParams();
  const [filters, setFilters] = useUrlFilters(DEFAULTS);
  const id = globalIdFromSlug('Cluster', slug);
  const { data, error, loading, refetch } = useQuery(ValueChainQuery, {
    variables: {
      id,
      first: CANDIDATES_PER_STAGE,
      outsideRegion: filters.outside || null,
      kinds: filters.kind ? [filters.kind as OrganisationKind] : null,
    },
  });
  const cluster = data?.node?.__typename === 'Cluster' ? data.node : null;
  usePageTitle(cluster ? `Value chain of ${cluster.name}` : 'Value chain');
  if (error) {
    return (
      <section>
        <PageHeading>Value chain</PageHeading>
        <ErrorNotice what="The value chain" error={error} onRetry={() => void refetch()} />
      </section>
    );
  }
  if (loading && !data) return <Skeleton label="Loading the value chain…" />;
  if (!cluster) return <NotFound what="cluster" />;

  const stages = cluster.valueChain.chains.flatMap((chain) => chain.stages);
  const chosen = stages.find((coverage) => coverage.stage.key === filters.stage) ?? null;
  const pool = data?.partnerCandidates ?? [];
  const shownPool = chosen ? pool.filter((entry) => entry.stage.stage.key === chosen.stage.key) : pool;
  const regionCode = cluster.region?.code;

  return (
    <article className="value-chain-view">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <EntityLink label="Cluster" entityKey={cluster.key}>
          {cluster.name}
        </EntityLink>{' '}
        <span aria-hidden="true">›</span> <span aria-current="page">Value chain</span>
      </nav>
      <header className="view-heading">
        <div>
          <PageHeading testId="value-chain-title">Value chain of {cluster.name}</PageHeading>
          <p className="lede">
            {percent(cluster.valueChain.coveredShare)} of the stages covered,{' '}
            {percent(cluster.valueChain.providedShare)} provided by at least one member.
          </p>
        </div>
      </header>

      <p className="legend-line">
        {(Object.keys(VERDICT) as StageVerdict[]).map((verdict) => (
          <span key={verdict} className={`verdict verdict--${verdict.toLowerCase()}`}>
            <span aria-hidden="true">{VERDICT[verdict].symbol}</span> {VERDICT[verdict].text}
          </span>
        ))}
      </p>
      {cluster.valueChain.chains.map((chain) => (
        <Section key={chain.sectorKey} title={`${chain.sectorName}: ${percent(chain.coveredShare)} covered`}>
          <ol className="chain-strip" data-testid="chain-strip">
            {chain.stages.map((coverage) => (
              <li key={coverage.stage.id}>
                <button
                  type="button"
                  className={`stage-box verdict--${coverage.verdict.toLowerCase()}`}
                  aria-pressed={chosen?.stage.key === coverage.stage.key}
                  onClick={() =>
                    setFilters({ stage: chosen?.stage.key === coverage.stage.key ? '' : coverage.stage.key })
                  }
                  data-testid="stage-box"
                  data-verdict={coverage.verdict}
                >
                  <span className="stage-box__name">{coverage.stage.name}</span>
                  <span className="stage-box__verdict">
                    <span aria-hidden="true">{VERDICT[coverage.verdict].symbol}</span>{' '}
                    {VERDICT[coverage.verdict].text}
                    {coverage.providers.totalCount > 0 &&
                      ` · ${coverage.providers.totalCount} member${coverage.providers.totalCount === 1 ? '' : 's'}`}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </Section>
      ))}

      {chosen && (
        <Section
          title={`Members behind “${chosen.stage.name}”`}
          count={chosen.providers.totalCount}
          testId="stage-members"
        >
          {chosen.reasons.length > 0 && (
            <p className="muted">
              Weak because: {chosen.reasons.map((reason) => humanize(reason).toLowerCase()).join('; ')}.
            </p>
          )}
          {chosen.providers.edges.length === 0 ? (
            <p className="muted">No member provides this stage: a gap.</p>
          ) : (
            <ul className="related">
              {chosen.providers.edges.map(({ node, via, inRegion }) => (
                <li key={node.id}>
                  <EntityLink label="Organisation" entityKey={node.key}>
                    {node.name}
                  </EntityLink>
                  <span className="subtle">
                    {' '}
                    {humanize(node.kind)} · {via === 'EXPLICIT' ? 'stated' : 'by NACE code'}
                    {inRegion ? '' : ' · outside the region'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}

      <Section title="Partner candidates" testId="partner-candidates">
        <search className="toolbar" aria-label="Filter the candidates">
          {regionCode && (
            <label className="toggle">
              <input
                type="checkbox"
                checked={filters.outside === regionCode}
                onChange={(event) => setFilters({ outside: event.target.checked ? regionCode : '' })}
                data-testid="outside-region"
              />
              <span>Outside {cluster.region?.name} only</span>
            </label>
          )}
          <SelectFilter
            label="Kind"
            value={filters.kind}
            options={enumOptions(ORGANISATION_KINDS)}
            onChange={(kind) => setFilters({ kind })}
            testId="kind-filter"
          />
          <button
            type="button"
            className="button button--quiet"
            onClick={() => exportPool(cluster.key, shownPool)}
            disabled={shownPool.every((entry) => entry.candidates.edges.length === 0)}
            data-testid="export-candidates"
          >
            Export the candidates as CSV
          </button>
        </search>
        {shownPool.length === 0 && (
          <p className="muted">
            {chosen ? 'This stage is covered: no candidates are sought for it.' : 'No stage wants partners.'}
          </p>
        )}
        {shownPool.map(({ stage, candidates }) => (
          <div key={stage.stage.id} className="candidate-group" data-testid="candidate-group">
            <h3>
              {stage.stage.name}{' '}
              <span className="subtle">
                ({VERDICT[stage.verdict].text}, {candidates.totalCount} candidates)
              </span>
            </h3>
            {candidates.edges.length === 0 ? (
              <p className="muted">No organisation passes the filters.</p>
            ) : (
              <table className="data-table data-table--compact">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Organisation</th>
                    <th scope="col" className="numeric">
                      Score
                    </th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {candidates.edges.map(({ node, score, reason }, rank) => (
                    <tr key={node.id} data-testid="candidate-row">
                      <td>{rank + 1}</td>
                      <td>
                        <EntityLink label="Organisation" entityKey={node.key}>
                          {node.name}
                        </EntityLink>
                        <div className="subtle">
                          {humanize(node.kind)}
                          {node.country && ` · ${node.country}`}
                        </div>
                      </td>
                      <td className="numeric">{score.toFixed(2)}</td>
                      <td>{reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))}
      </Section>
    </article>
  );
}

const DEFAULTS = { stage: '', outside: '', kind: '' };
