import { EntityLink, RelatedList } from '../../components/EntityLink.tsx';
import { EntityHeader, PendingEntity } from '../../components/EntityPage.tsx';
import { HistorySection } from '../../components/HistorySection.tsx';
import { RegionClaims } from '../../components/RegionClaims.tsx';
import { Fact, Section, TextList } from '../../components/Section.tsx';
import { SectorChips } from '../../components/SectorChips.tsx';
import { SourceList } from '../../components/SourceList.tsx';
import { humanize } from '../../format.ts';
import { graphql } from '../../gql';
import { useNodeQuery } from '../../hooks/useNodeQuery.ts';

const OrganisationQuery = graphql(`
  query OrganisationQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Organisation {
        key
        name
        nameLocal
        acronym
        kind
        size
        country
        website
        description
        capabilities
        naceCodes
        synthetic
        region {
          ...RegionClaims_region
        }
        locatedIn {
          ...RegionClaims_claims
        }
        parent {
          id
          key
          name
        }
        units {
          id
          key
          name
        }
        sectors {
          ...SectorChips_sectors
        }
        clusters {
          id
          key
          name
        }
        managedClusters {
          id
          key
          name
        }
        projects {
          id
          key
          title
          acronym
        }
        partnerships {
          id
          key
          name
          kind
        }
        provides {
          id
          key
          name
          sectors {
            id
            name
          }
        }
        sources {
          ...SourceList_sources
        }
      }
    }
  }
`);

export function OrganisationView() {
  const state = useNodeQuery(OrganisationQuery, 'Organisation');
  if (state.status !== 'ready') return <PendingEntity label="Organisation" state={state} />;
  const organisation = state.node;
  return (
    <article className="entity-view">
      <EntityHeader
        label="Organisation"
        title={organisation.name}
        acronym={organisation.acronym}
        subtitle={organisation.nameLocal}
        synthetic={organisation.synthetic}
        testId="entity-title"
      />
      <div className="cluster-layout">
        <div className="cluster-layout__aside">
          <Section title="Facts">
            <dl className="facts">
              <Fact term="Kind">{humanize(organisation.kind)}</Fact>
              <Fact term="Region">
                <RegionClaims region={organisation.region} claims={organisation.locatedIn} />
              </Fact>
              <Fact term="Country">{organisation.country}</Fact>
              <Fact term="Size">{organisation.size}</Fact>
              <Fact term="Sectors">
                {organisation.sectors.length > 0 && <SectorChips sectors={organisation.sectors} />}
              </Fact>
              <Fact term="NACE codes">{organisation.naceCodes.join(', ')}</Fact>
              <Fact term="Part of">
                {organisation.parent && (
                  <EntityLink label="Organisation" entityKey={organisation.parent.key}>
                    {organisation.parent.name}
                  </EntityLink>
                )}
              </Fact>
              {organisation.website && (
                <Fact term="Website">
                  <a href={organisation.website} target="_blank" rel="noreferrer">
                    {organisation.website.replace(/^https?:\/\//, '')}
                  </a>
                </Fact>
              )}
              <Fact term="Graph key">
                <code>{organisation.key}</code>
              </Fact>
            </dl>
            {organisation.description && <p className="description">{organisation.description}</p>}
          </Section>
          <Section title="Sources" count={organisation.sources.length} testId="entity-sources">
            <SourceList sources={organisation.sources} />
          </Section>
          <HistorySection nodeId={organisation.id} />
        </div>
        <div className="cluster-layout__main">
          <Section
            title="Clusters"
            count={organisation.clusters.length + organisation.managedClusters.length}
          >
            <RelatedList
              label="Cluster"
              items={[
                ...organisation.managedClusters.map((cluster) => ({ ...cluster, note: 'manages it' })),
                ...organisation.clusters.map((cluster) => ({ ...cluster, note: 'member' })),
              ]}
              empty="Member of no cluster in the graph."
            />
          </Section>
          <Section title="Projects" count={organisation.projects.length}>
            <RelatedList
              label="Project"
              items={organisation.projects.map((project) => ({
                key: project.key,
                name: project.title,
                note: project.acronym,
              }))}
              empty="Takes part in no project in the graph."
            />
          </Section>
          <Section title="Partnerships" count={organisation.partnerships.length}>
            <RelatedList
              label="Partnership"
              items={organisation.partnerships.map((partnership) => ({
                ...partnership,
                note: humanize(partnership.kind),
              }))}
              empty="Partner in no partnership in the graph."
            />
          </Section>
          <Section title="Value-chain stages it provides" count={organisation.provides.length}>
            <RelatedList
              label="ValueChainStage"
              items={organisation.provides.map((stage) => ({
                key: stage.key,
                name: stage.name,
                note: stage.sectors.map((sector) => sector.name).join(', '),
              }))}
              empty="No stage is stated."
            />
          </Section>
          <Section title="Capabilities" count={organisation.capabilities.length}>
            <TextList items={organisation.capabilities} empty="No capability is stated." />
          </Section>
          {organisation.units.length > 0 && (
            <Section title="Units" count={organisation.units.length}>
              <RelatedList label="Organisation" items={organisation.units} empty="" />
            </Section>
          )}
        </div>
      </div>
    </article>
  );
}
