import { EntityLink, RelatedList } from '../../components/EntityLink.tsx';
import { EntityHeader, PendingEntity } from '../../components/EntityPage.tsx';
import { HistorySection } from '../../components/HistorySection.tsx';
import { Fact, Section } from '../../components/Section.tsx';
import { SourceList } from '../../components/SourceList.tsx';
import { humanize } from '../../format.ts';
import { graphql } from '../../gql';
import { useNodeQuery } from '../../hooks/useNodeQuery.ts';

const RegionQuery = graphql(`
  query RegionQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Region {
        key
        code
        name
        nameLocal
        level
        synthetic
        parent {
          id
          key
          code
          name
        }
        children {
          id
          key
          code
          name
        }
        clusters {
          id
          key
          name
        }
        organisations {
          id
          key
          name
          kind
        }
        sources {
          ...SourceList_sources
        }
      }
    }
  }
`);

const LEVELS = ['Country', 'NUTS 1', 'NUTS 2', 'NUTS 3'];

export function RegionView() {
  const state = useNodeQuery(RegionQuery, 'Region');
  if (state.status !== 'ready') return <PendingEntity label="Region" state={state} />;
  const region = state.node;
  return (
    <article className="entity-view">
      <EntityHeader
        label="Region"
        title={region.name}
        acronym={region.code}
        subtitle={region.nameLocal}
        synthetic={region.synthetic}
        testId="entity-title"
      />
      <div className="cluster-layout">
        <div className="cluster-layout__aside">
          <Section title="Facts">
            <dl className="facts">
              <Fact term="Code">
                <code>{region.code}</code>
              </Fact>
              <Fact term="Level">{LEVELS[region.level] ?? `level ${region.level}`}</Fact>
              <Fact term="Part of">
                {region.parent && (
                  <EntityLink label="Region" entityKey={region.parent.key}>
                    {region.parent.code} {region.parent.name}
                  </EntityLink>
                )}
              </Fact>
            </dl>
          </Section>
          <Section title="Sources" count={region.sources.length} testId="entity-sources">
            <SourceList sources={region.sources} />
          </Section>
          <HistorySection nodeId={region.id} />
        </div>
        <div className="cluster-layout__main">
          <Section title="Clusters" count={region.clusters.length}>
            <RelatedList label="Cluster" items={region.clusters} empty="No cluster is located here." />
          </Section>
          <Section title="Organisations located here" count={region.organisations.length}>
            <RelatedList
              label="Organisation"
              items={region.organisations.map((organisation) => ({
                ...organisation,
                note: humanize(organisation.kind),
              }))}
              empty="No organisation is located directly in this region."
            />
          </Section>
          <Section title="Sub-regions" count={region.children.length}>
            <RelatedList
              label="Region"
              items={region.children.map((child) => ({
                key: child.key,
                name: `${child.code} ${child.name}`,
              }))}
              empty="No sub-region."
            />
          </Section>
        </div>
      </div>
    </article>
  );
}
