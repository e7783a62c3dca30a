import { RelatedList } from '../../components/EntityLink.tsx';
import { EntityHeader, PendingEntity } from '../../components/EntityPage.tsx';
import { HistorySection } from '../../components/HistorySection.tsx';
import { Fact, Section } from '../../components/Section.tsx';
import { SourceList } from '../../components/SourceList.tsx';
import { humanize } from '../../format.ts';
import { graphql } from '../../gql';
import { useNodeQuery } from '../../hooks/useNodeQuery.ts';

const StageQuery = graphql(`
  query StageQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on ValueChainStage {
        key
        name
        kind
        description
        naceCodes
        synthetic
        sectors {
          id
          key
          name
        }
        providers(first: 100, filter: { synthetic: false }) {
          totalCount
          edges {
            via
            naceCode
            node {
              id
              key
              name
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

const VIA = { EXPLICIT: 'stated by a source', NACE: 'by its NACE codes' } as const;

export function StageView() {
  const state = useNodeQuery(StageQuery, 'ValueChainStage');
  if (state.status !== 'ready') return <PendingEntity label="ValueChainStage" state={state} />;
  const stage = state.node;
  return (
    <article className="entity-view">
      <EntityHeader
        label="ValueChainStage"
        title={stage.name}
        synthetic={stage.synthetic}
        testId="entity-title"
        crumb={{ to: '/sectors', text: 'Sectors' }}
      />
      <div className="cluster-layout">
        <div className="cluster-layout__aside">
          <Section title="Facts">
            <dl className="facts">
              <Fact term="Kind">{humanize(stage.kind)}</Fact>
              <Fact term="NACE codes">{stage.naceCodes.join(', ')}</Fact>
            </dl>
            {stage.description && <p className="description">{stage.description}</p>}
          </Section>
          <Section title="Sectors" count={stage.sectors.length}>
            <RelatedList label="Sector" items={stage.sectors} empty="In no sector's chain." />
          </Section>
          <Section title="Sources" count={stage.sources.length} testId="entity-sources">
            <SourceList sources={stage.sources} />
          </Section>
          <HistorySection nodeId={stage.id} />
        </div>
        <div className="cluster-layout__main">
          <Section title="Providers" count={stage.providers.totalCount}>
            <RelatedList
              label="Organisation"
              items={stage.providers.edges.map(({ node, via, naceCode }) => ({
                key: node.key,
                name: node.name,
                note: naceCode ? `${VIA[via]} (${naceCode})` : VIA[via],
              }))}
              empty="No organisation in the graph provides this stage: a gap."
            />
          </Section>
        </div>
      </div>
    </article>
  );
}
