import { formatMoney, formatPeriod } from '../format.ts';
import { type FragmentType, getFragmentData, graphql } from '../gql';
import { EntityLink } from './EntityLink.tsx';

export const ProjectList_projects = graphql(`
  fragment ProjectList_projects on Project {
    id
    key
    code
    acronym
    title
    startDate
    endDate
    budgetAmount
    budgetCurrency
    programme {
      id
      key
      name
      acronym
    }
    coordinator {
      id
      key
      name
      acronym
    }
    # Only the count: the cooperation network lists the participants.
    participantCount: participants(first: 0) {
      totalCount
    }
  }
`);

export function ProjectList(props: { projects: readonly FragmentType<typeof ProjectList_projects>[] }) {
  const projects = getFragmentData(ProjectList_projects, props.projects);
  if (projects.length === 0) return <p className="muted">No project is recorded.</p>;
  return (
    <ul className="item-list">
      {projects.map((project) => {
        const period = formatPeriod(project.startDate, project.endDate);
        return (
          <li key={project.id} className="item">
            <div className="item__title">
              {project.acronym && project.acronym !== project.title && (
                <span className="acronym acronym--lead">{project.acronym}</span>
              )}
              <EntityLink label="Project" entityKey={project.key}>
                {project.title}
              </EntityLink>
            </div>
            <div className="item__meta">
              {project.code !== project.acronym && project.code !== project.title && (
                <span>{project.code}</span>
              )}
              {period && <span>{period}</span>}
              {project.budgetAmount != null && (
                <span>{formatMoney(project.budgetAmount, project.budgetCurrency)}</span>
              )}
              {project.programme && (
                <EntityLink label="Programme" entityKey={project.programme.key}>
                  {project.programme.acronym ?? project.programme.name}
                </EntityLink>
              )}
            </div>
            <div className="item__people">
              {project.coordinator && (
                <span className="person">
                  <EntityLink label="Organisation" entityKey={project.coordinator.key}>
                    {project.coordinator.acronym ?? project.coordinator.name}
                  </EntityLink>
                  <span className="person__role">coordinator</span>
                </span>
              )}
              <span className="muted">
                {project.participantCount.totalCount} participant
                {project.participantCount.totalCount === 1 ? '' : 's'} in the graph
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
