import { RelatedList } from '../../components/EntityLink.tsx';
import { EntityHeader, PendingEntity } from '../../components/EntityPage.tsx';
import { HistorySection } from '../../components/HistorySection.tsx';
import { RegionClaims } from '../../components/RegionClaims.tsx';
import { Fact, Section } from '../../components/Section.tsx';
import { SourceList } from '../../components/SourceList.tsx';
import { humanize } from '../../format.ts';
import { graphql } from '../../gql';
import { useNodeQuery } from '../../hooks/useNodeQuery.ts';

const NeedQuery = graphql(`
  query NeedQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Need {
        key
        text
        kind
        synthetic
        region {
          ...RegionClaims_region
        }
        locatedIn {
          ...RegionClaims_claims
        }
        addressedBy {
          id
          key
          title
        }
        identifiedIn {
          id
          key
          name
        }
        projects {
          id
          key
          title
        }
        sources {
          ...SourceList_sources
        }
      }
    }
  }
`);

/** A need's text is its name; long ones are cut for the title, whole in the facts. */
const TITLE_LENGTH = 90;

export function NeedView() {
  const state = useNodeQuery(NeedQuery, 'Need');
  if (state.status !== 'ready') return <PendingEntity label="Need" state={state} />;
  const need = state.node;
  const title =
    need.text.length > TITLE_LENGTH ? `${need.text.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : need.text;
  return (
    <article className="entity-view">
      <EntityHeader label="Need" title={title} synthetic={need.synthetic} testId="entity-title" />
      <div className="cluster-layout">
        <div className="cluster-layout__aside">
          <Section title="Facts">
            <dl className="facts">
              <Fact term="Kind">{humanize(need.kind)}</Fact>
              <Fact term="Region">
                <RegionClaims region={need.region} claims={need.locatedIn} />
              </Fact>
            </dl>
            <p className="description">{need.text}</p>
          </Section>
          <Section title="Sources" count={need.sources.length} testId="entity-sources">
            <SourceList sources={need.sources} />
          </Section>
          <HistorySection nodeId={need.id} />
        </div>
        <div className="cluster-layout__main">
          <Section title="Pilot actions addressing it" count={need.addressedBy.length}>
            <RelatedList
              label="PilotAction"
              items={need.addressedBy.map((action) => ({ key: action.key, name: action.title }))}
              empty="No pilot action addresses it."
            />
          </Section>
          <Section title="Identified in" count={need.identifiedIn.length}>
            <RelatedList label="Partnership" items={need.identifiedIn} empty="No partnership is recorded." />
          </Section>
          <Section title="Projects" count={need.projects.length}>
            <RelatedList
              label="Project"
              items={need.projects.map((project) => ({ key: project.key, name: project.title }))}
              empty="No project is recorded."
            />
          </Section>
        </div>
      </div>
    </article>
  );
}
