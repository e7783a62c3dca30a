import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { ExcellenceLabels } from '../../components/ExcellenceLabels.tsx';
import { MemberTable } from '../../components/MemberTable.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { PartnershipList } from '../../components/PartnershipList.tsx';
import { ProjectList } from '../../components/ProjectList.tsx';
import { RegionClaims } from '../../components/RegionClaims.tsx';
import { SectorChips } from '../../components/SectorChips.tsx';
import { SourceList } from '../../components/SourceList.tsx';
import { formatCount, humanize } from '../../format.ts';
import { graphql } from '../../gql';
import { CooperationNetwork } from '../../graph/CooperationNetwork.tsx';
import { Link } from '../../routing.tsx';

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
          name
          acronym
          kind
        }
        sources {
          ...SourceList_sources
        }
        members(first: 20) {
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
        ...RegionClaims_cluster
        ...CooperationNetwork_cluster
      }
    }
  }
`);

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Section({
  title,
  count,
  children,
  testId,
}: {
  title: string;
  count?: number;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="card" data-testid={testId}>
      <h2 className="card__title">
        {title}
        {count !== undefined && <span className="count">{formatCount(count)}</span>}
      </h2>
      {children}
    </section>
  );
}

export function ClusterView({ id }: { id: string }) {
  const { data, error, loading } = useQuery(ClusterQuery, { variables: { id } });

  // A URL whose id is not one the API could have made is a missing cluster, not a failure.
  const malformedId =
    CombinedGraphQLErrors.is(error) &&
    error.errors.some(
      (problem) => problem.extensions?.code === 'BAD_USER_INPUT' && problem.extensions.argument === 'id',
    );
  if (malformedId) return <NotFound what="cluster" />;
  if (error) {
    return (
      <p className="notice notice--error" role="alert">
        The cluster could not be loaded: {error.message}
      </p>
    );
  }
  if (loading && !data) return <p className="muted loading">Loading the cluster…</p>;
  const cluster = data?.node;
  if (cluster?.__typename !== 'Cluster') return <NotFound what="cluster" />;

  return (
    <article className="cluster-view">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/">Clusters</Link> <span aria-hidden="true">›</span> <span>{cluster.name}</span>
      </nav>
      <header className="view-heading">
        <div>
          <h1 data-testid="cluster-title">
            {cluster.name}
            {cluster.acronym && cluster.acronym !== cluster.name && (
              <span className="acronym acronym--title">{cluster.acronym}</span>
            )}
            {cluster.synthetic && <span className="badge badge--synthetic">synthetic</span>}
          </h1>
          {cluster.nameLocal && <p className="lede">{cluster.nameLocal}</p>}
        </div>
        {cluster.labels.length > 0 && <ExcellenceLabels labels={cluster.labels} />}
      </header>

      <div className="cluster-layout">
        <div className="cluster-layout__aside">
          <Section title="Facts">
            <dl className="facts">
              <Fact term="Region">
                <RegionClaims cluster={cluster} />
              </Fact>
              <Fact term="Sectors">
                <SectorChips sectors={cluster.sectors} />
              </Fact>
              <Fact term="Managed by">
                {cluster.managedBy ? (
                  <>
                    {cluster.managedBy.name}
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
          <Section title="Sources" count={cluster.sources.length} testId="cluster-sources">
            <SourceList sources={cluster.sources} />
          </Section>
        </div>

        <div className="cluster-layout__main">
          <Section title="Cooperation network">
            <CooperationNetwork cluster={cluster} />
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
