import { RelatedList } from '../../components/EntityLink.tsx';
import { EntityHeader, PendingEntity } from '../../components/EntityPage.tsx';
import { HistorySection } from '../../components/HistorySection.tsx';
import { RegionClaims } from '../../components/RegionClaims.tsx';
import { Fact, Section, TextList } from '../../components/Section.tsx';
import { SourceList } from '../../components/SourceList.tsx';
import { humanize } from '../../format.ts';
import { graphql } from '../../gql';
import { useNodeQuery } from '../../hooks/useNodeQuery.ts';

const PartnershipQuery = graphql(`
  query PartnershipQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Partnership {
        key
        name
        nameLocal
        kind
        signedOn
        actionAreas
        objectives
        synthetic
        region {
          ...RegionClaims_region
        }
        partners {
          id
          key
          name
          kind
        }
        clusters {
          id
          key
          name
        }
        needs {
          id
          key
          text
          kind
        }
        sources {
          ...SourceList_sources
        }
      }
    }
  }
`);

export function PartnershipView() {
  const state = useNodeQuery(PartnershipQuery, 'Partnership');
  if (state.status !== 'ready') return <PendingEntity label="Partnership" state={state} />;
  const partnership = state.node;
  return (
    <article className="entity-view">
      <EntityHeader
        label="Partnership"
        title={partnership.name}
        subtitle={partnership.nameLocal}
        synthetic={partnership.synthetic}
        testId="entity-title"
      />
      <div className="cluster-layout">
        <div className="cluster-layout__aside">
          <Section title="Facts">
            <dl className="facts">
              <Fact term="Kind">{humanize(partnership.kind)}</Fact>
              <Fact term="Signed">{partnership.signedOn}</Fact>
              <Fact term="Region">
                {partnership.region && <RegionClaims region={partnership.region} claims={[]} />}
              </Fact>
            </dl>
          </Section>
          <Section title="Sources" count={partnership.sources.length} testId="entity-sources">
            <SourceList sources={partnership.sources} />
          </Section>
          <HistorySection nodeId={partnership.id} />
        </div>
        <div className="cluster-layout__main">
          <Section title="Partners" count={partnership.partners.length}>
            <RelatedList
              label="Organisation"
              items={partnership.partners.map((partner) => ({ ...partner, note: humanize(partner.kind) }))}
              empty="No partner organisation is recorded."
            />
          </Section>
          <Section title="Clusters" count={partnership.clusters.length}>
            <RelatedList label="Cluster" items={partnership.clusters} empty="No cluster is recorded." />
          </Section>
          <Section title="Needs it identified" count={partnership.needs.length}>
            <RelatedList
              label="Need"
              items={partnership.needs.map((need) => ({
                key: need.key,
                name: need.text,
                note: humanize(need.kind),
              }))}
              empty="No need is recorded."
            />
          </Section>
          <Section title="Action areas" count={partnership.actionAreas.length}>
            <TextList items={partnership.actionAreas} empty="No action area is stated." />
          </Section>
          <Section title="Objectives" count={partnership.objectives.length}>
            <TextList items={partnership.objectives} empty="No objective is stated." />
          </Section>
        </div>
      </div>
    </article>
  );
}
