import { Link } from 'react-router';
import { entityPath } from '../../app/paths.ts';
import { mayEditCluster, useViewer } from '../../app/viewer.ts';
import { EntityLink } from '../../components/EntityLink.tsx';
import { EntityHeader, PendingEntity } from '../../components/EntityPage.tsx';
import { ExcellenceLabels } from '../../components/ExcellenceLabels.tsx';
import { HistorySection } from '../../components/HistorySection.tsx';
import { MemberTable } from '../../components/MemberTable.tsx';
import { PartnershipList } from '../../components/PartnershipList.tsx';
import { ProjectList } from '../../components/ProjectList.tsx';
import { RegionClaims } from '../../components/RegionClaims.tsx';
import { Fact, Section } from '../../components/Section.tsx';
import { SectorChips } from '../../components/SectorChips.tsx';
import { SourceList } from '../../components/SourceList.tsx';
import { formatCount, humanize } from '../../format.ts';
import { graphql } from '../../gql';
import { useNodeQuery } from '../../hooks/useNodeQuery.ts';
import { MemberNetwork } from './MemberNetwork.tsx';

const ClusterQuery = graphql(`
  query ClusterQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Cluster {
        key
        name
        nameLocal
        acronym
        description
        website
        foundedOn
        declaredMemberCount
        synthetic
        labels {
          ...ExcellenceLabels_labels
        }
        sectors {
          ...SectorChips_sectors
        }
        managedBy {
          id
          key
          name
          acronym
          kind
        }
        sources {
          ...SourceList_sources
        }
        members(first: 100) {
          totalCount
          ...MemberTable_members
        }
        projects {
          id
          ...ProjectList_projects
        }
        partnerships {
          id
          ...PartnershipList_partnerships
        }
        region {
          ...RegionClaims_region
        }
        locatedIn {
          ...RegionClaims_claims
        }
      }
    }
  }
`);

export function ClusterView() {
  const state = useNodeQuery(ClusterQuery, 'Cluster');
  const { viewer } = useViewer();
  if (state.status !== 'ready') return <PendingEntity label="Cluster" state={state} />;
  const cluster = state.node;

  return (
    <article className="cluster-view">
      <EntityHeader
        label="Cluster"
        title={cluster.name}
        acronym={cluster.acronym}
        subtitle={cluster.nameLocal}
        synthetic={cluster.synthetic}
        testId="cluster-title"
        aside={
          <div className="view-heading__aside">
            {cluster.labels.length > 0 && <ExcellenceLabels labels={cluster.labels} />}
            <Link
              className="button"
              to={`${entityPath('Cluster', cluster.key)}/value-chain`}
              data-testid="open-value-chain"
            >
              Value chain and partner candidates
            </Link>
            {mayEditCluster(viewer, cluster.id) && (
              <Link
                className="button"
                to={`${entityPath('Cluster', cluster.key)}/edit`}
                data-testid="edit-cluster"
              >
                Edit members, stages and needs
              </Link>
            )}
          </div>
        }
      />

      <div className="cluster-layout">
        <div className="cluster-layout__aside">
          <Section title="Facts">
            <dl className="facts">
              <Fact term="Region">
                <RegionClaims region={cluster.region} claims={cluster.locatedIn} />
              </Fact>
              <Fact term="Sectors">
                <SectorChips sectors={cluster.sectors} />
              </Fact>
              <Fact term="Managed by">
                {cluster.managedBy ? (
                  <>
                    <EntityLink label="Organisation" entityKey={cluster.managedBy.key}>
                      {cluster.managedBy.name}
                    </EntityLink>
                    <div className="subtle">{humanize(cluster.managedBy.kind)}</div>
                  </>
                ) : (
                  <span className="muted">not stated</span>
                )}
              </Fact>
              <Fact term="Declared members">
                {cluster.declaredMemberCount == null ? (
                  <span className="muted">not stated</span>
                ) : (
                  formatCount(cluster.declaredMemberCount)
                )}
              </Fact>
              <Fact term="Members in the graph">{formatCount(cluster.members.totalCount)}</Fact>
              {cluster.foundedOn && <Fact term="Founded">{cluster.foundedOn}</Fact>}
              {cluster.website && (
                <Fact term="Website">
                  <a href={cluster.website} target="_blank" rel="noreferrer">
                    {cluster.website.replace(/^https?:\/\//, '')}
                  </a>
                </Fact>
              )}
              <Fact term="Graph key">
                <code>{cluster.key}</code>
              </Fact>
            </dl>
            {cluster.description && <p className="description">{cluster.description}</p>}
          </Section>
          <Section title="Sources" count={cluster.sources.length} testId="entity-sources">
            <SourceList sources={cluster.sources} />
          </Section>
          <HistorySection nodeId={cluster.id} />
        </div>

        <div className="cluster-layout__main">
          <Section title="Cooperation among members">
            <MemberNetwork clusterId={cluster.id} clusterName={cluster.name} />
          </Section>
          <Section title="Projects" count={cluster.projects.length}>
            <ProjectList projects={cluster.projects} />
          </Section>
          <Section title="Partnerships" count={cluster.partnerships.length}>
            <PartnershipList partnerships={cluster.partnerships} clusterId={cluster.id} />
          </Section>
          <Section title="Members" count={cluster.members.totalCount}>
            <MemberTable members={cluster.members} declaredMemberCount={cluster.declaredMemberCount} />
          </Section>
        </div>
      </div>
    </article>
  );
}
