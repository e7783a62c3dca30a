import { EntityLink, RelatedList } from '../../components/EntityLink.tsx';
import { EntityHeader, PendingEntity } from '../../components/EntityPage.tsx';
import { HistorySection } from '../../components/HistorySection.tsx';
import { Fact, Section } from '../../components/Section.tsx';
import { SourceList } from '../../components/SourceList.tsx';
import { humanize } from '../../format.ts';
import { graphql } from '../../gql';
import { useNodeQuery } from '../../hooks/useNodeQuery.ts';

const SectorQuery = graphql(`
  query SectorQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Sector {
        key
        code
        name
        nameLocal
        naceCodes
        synthetic
        clusters {
          id
          key
          name
        }
        valueChain {
          id
          key
          name
          kind
          naceCodes
          # Three to name, and how many there are; the stage's page lists them all.
          providers(first: 3, filter: { synthetic: false }) {
            totalCount
            edges {
              node {
                id
                key
                name
              }
            }
          }
        }
        sources {
          ...SourceList_sources
        }
      }
    }
  }
`);

export function SectorView() {
  const state = useNodeQuery(SectorQuery, 'Sector');
  if (state.status !== 'ready') return <PendingEntity label="Sector" state={state} />;
  const sector = state.node;
  return (
    <article className="entity-view">
      <EntityHeader
        label="Sector"
        title={sector.name}
        subtitle={sector.nameLocal}
        synthetic={sector.synthetic}
        testId="entity-title"
      />
      <div className="cluster-layout">
        <div className="cluster-layout__aside">
          <Section title="Facts">
            <dl className="facts">
              <Fact term="Code">
                <code>{sector.code}</code>
              </Fact>
              <Fact term="NACE codes">{sector.naceCodes.join(', ')}</Fact>
            </dl>
          </Section>
          <Section title="Clusters" count={sector.clusters.length}>
            <RelatedList label="Cluster" items={sector.clusters} empty="No cluster works in this sector." />
          </Section>
          <Section title="Sources" count={sector.sources.length} testId="entity-sources">
            <SourceList sources={sector.sources} />
          </Section>
          <HistorySection nodeId={sector.id} />
        </div>
        <div className="cluster-layout__main">
          <Section title="Value chain" count={sector.valueChain.length} testId="value-chain">
            {sector.valueChain.length === 0 ? (
              <p className="muted">No value chain is described for this sector.</p>
            ) : (
              <table className="data-table data-table--compact">
                <caption className="visually-hidden">
                  Stages of the value chain, in order, then the support functions
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Stage</th>
                    <th scope="col">Kind</th>
                    <th scope="col">NACE</th>
                    <th scope="col" className="numeric">
                      Providers
                    </th>
                    <th scope="col">Some providers</th>
                  </tr>
                </thead>
                <tbody>
                  {sector.valueChain.map((stage) => (
                    <tr key={stage.id} data-testid="stage-row">
                      <td>
                        <EntityLink label="ValueChainStage" entityKey={stage.key}>
                          {stage.name}
                        </EntityLink>
                      </td>
                      <td>{humanize(stage.kind)}</td>
                      <td>{stage.naceCodes.join(', ') || <span className="muted">—</span>}</td>
                      <td className="numeric">
                        {stage.providers.totalCount === 0 ? (
                          <span className="badge badge--warning">gap</span>
                        ) : (
                          stage.providers.totalCount
                        )}
                      </td>
                      <td>
                        {stage.providers.edges.map(({ node }, index) => (
                          <span key={node.id}>
                            {index > 0 && ', '}
                            <EntityLink label="Organisation" entityKey={node.key}>
                              {node.name}
                            </EntityLink>
                          </span>
                        ))}
                        {stage.providers.totalCount > stage.providers.edges.length && (
                          <span className="subtle">
                            {' '}
                            and {stage.providers.totalCount - stage.providers.edges.length} more
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
        </div>
      </div>
    </article>
  );
}
