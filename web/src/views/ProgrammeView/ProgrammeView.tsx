import { EntityLink, RelatedList } from '../../components/EntityLink.tsx';
import { EntityHeader, PendingEntity } from '../../components/EntityPage.tsx';
import { HistorySection } from '../../components/HistorySection.tsx';
import { Fact, Section } from '../../components/Section.tsx';
import { SourceList } from '../../components/SourceList.tsx';
import { graphql } from '../../gql';
import { useNodeQuery } from '../../hooks/useNodeQuery.ts';

const ProgrammeQuery = graphql(`
  query ProgrammeQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Programme {
        key
        name
        nameLocal
        acronym
        description
        synthetic
        parent {
          id
          key
          name
        }
        subprogrammes {
          id
          key
          name
        }
        pilotActions {
          id
          key
          title
        }
        projects(first: 100) {
          totalCount
          edges {
            node {
              id
              key
              title
              acronym
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

export function ProgrammeView() {
  const state = useNodeQuery(ProgrammeQuery, 'Programme');
  if (state.status !== 'ready') return <PendingEntity label="Programme" state={state} />;
  const programme = state.node;
  return (
    <article className="entity-view">
      <EntityHeader
        label="Programme"
        title={programme.name}
        acronym={programme.acronym}
        subtitle={programme.nameLocal}
        synthetic={programme.synthetic}
        testId="entity-title"
      />
      <div className="cluster-layout">
        <div className="cluster-layout__aside">
          <Section title="Facts">
            <dl className="facts">
              <Fact term="Part of">
                {programme.parent && (
                  <EntityLink label="Programme" entityKey={programme.parent.key}>
                    {programme.parent.name}
                  </EntityLink>
                )}
              </Fact>
              <Fact term="Graph key">
                <code>{programme.key}</code>
              </Fact>
            </dl>
            {programme.description && <p className="description">{programme.description}</p>}
          </Section>
          <Section title="Sources" count={programme.sources.length} testId="entity-sources">
            <SourceList sources={programme.sources} />
          </Section>
          <HistorySection nodeId={programme.id} />
        </div>
        <div className="cluster-layout__main">
          <Section title="Projects funded" count={programme.projects.totalCount}>
            <RelatedList
              label="Project"
              items={programme.projects.edges.map(({ node }) => ({
                key: node.key,
                name: node.title,
                note: node.acronym,
              }))}
              empty="No project in the graph."
            />
          </Section>
          <Section title="Subprogrammes" count={programme.subprogrammes.length}>
            <RelatedList label="Programme" items={programme.subprogrammes} empty="No subprogramme." />
          </Section>
          <Section title="Pilot actions" count={programme.pilotActions.length}>
            <RelatedList
              label="PilotAction"
              items={programme.pilotActions.map((action) => ({ key: action.key, name: action.title }))}
              empty="No pilot action."
            />
          </Section>
        </div>
      </div>
    </article>
  );
}
