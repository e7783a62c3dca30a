import { EntityLink, RelatedList } from '../../components/EntityLink.tsx';
import { EntityHeader, PendingEntity } from '../../components/EntityPage.tsx';
import { HistorySection } from '../../components/HistorySection.tsx';
import { Fact, Section, TextList } from '../../components/Section.tsx';
import { SectorChips } from '../../components/SectorChips.tsx';
import { SourceList } from '../../components/SourceList.tsx';
import { formatMoney, formatPeriod, humanize } from '../../format.ts';
import { graphql } from '../../gql';
import { useNodeQuery } from '../../hooks/useNodeQuery.ts';

const ProjectQuery = graphql(`
  query ProjectQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Project {
        key
        code
        title
        titleLocal
        acronym
        domain
        director
        startDate
        endDate
        budgetAmount
        budgetCurrency
        objectives
        results
        synthetic
        programme {
          id
          key
          name
        }
        coordinator {
          id
          key
          name
        }
        sectors {
          ...SectorChips_sectors
        }
        participants(first: 100) {
          totalCount
          edges {
            role
            contribution
            node {
              id
              key
              name
              kind
            }
          }
        }
        participatingClusters(first: 100) {
          totalCount
          edges {
            role
            contribution
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

const roleNote = (role: string | null | undefined, contribution: number | null | undefined) =>
  [role, contribution != null ? `contributes ${contribution}` : null].filter(Boolean).join(' · ');

export function ProjectView() {
  const state = useNodeQuery(ProjectQuery, 'Project');
  if (state.status !== 'ready') return <PendingEntity label="Project" state={state} />;
  const project = state.node;
  return (
    <article className="entity-view">
      <EntityHeader
        label="Project"
        title={project.title}
        acronym={project.acronym}
        subtitle={project.titleLocal}
        synthetic={project.synthetic}
        testId="entity-title"
      />
      <div className="cluster-layout">
        <div className="cluster-layout__aside">
          <Section title="Facts">
            <dl className="facts">
              <Fact term="Code">{project.code}</Fact>
              <Fact term="Period">{formatPeriod(project.startDate, project.endDate)}</Fact>
              <Fact term="Budget">
                {project.budgetAmount != null && formatMoney(project.budgetAmount, project.budgetCurrency)}
              </Fact>
              <Fact term="Programme">
                {project.programme && (
                  <EntityLink label="Programme" entityKey={project.programme.key}>
                    {project.programme.name}
                  </EntityLink>
                )}
              </Fact>
              <Fact term="Coordinator">
                {project.coordinator && (
                  <EntityLink label="Organisation" entityKey={project.coordinator.key}>
                    {project.coordinator.name}
                  </EntityLink>
                )}
              </Fact>
              <Fact term="Director">{project.director}</Fact>
              <Fact term="Domain">{project.domain}</Fact>
              <Fact term="Sectors">
                {project.sectors.length > 0 && <SectorChips sectors={project.sectors} />}
              </Fact>
            </dl>
          </Section>
          <Section title="Sources" count={project.sources.length} testId="entity-sources">
            <SourceList sources={project.sources} />
          </Section>
          <HistorySection nodeId={project.id} />
        </div>
        <div className="cluster-layout__main">
          <Section title="Participants" count={project.participants.totalCount}>
            <RelatedList
              label="Organisation"
              items={project.participants.edges.map(({ node, role, contribution }) => ({
                key: node.key,
                name: node.name,
                note: [humanize(node.kind), roleNote(role, contribution)].filter(Boolean).join(' · '),
              }))}
              empty="No participant is recorded."
            />
          </Section>
          <Section title="Clusters taking part" count={project.participatingClusters.totalCount}>
            <RelatedList
              label="Cluster"
              items={project.participatingClusters.edges.map(({ node, role, contribution }) => ({
                key: node.key,
                name: node.name,
                note: roleNote(role, contribution),
              }))}
              empty="No cluster is recorded."
            />
          </Section>
          <Section title="Objectives" count={project.objectives.length}>
            <TextList items={project.objectives} empty="No objective is stated." />
          </Section>
          <Section title="Results" count={project.results.length}>
            <TextList items={project.results} empty="No result is stated." />
          </Section>
        </div>
      </div>
    </article>
  );
}
