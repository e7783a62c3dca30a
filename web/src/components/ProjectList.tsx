import { formatMoney, formatPeriod } from '../format.ts';
import { type FragmentType, getFragmentData, graphql } from '../gql';

export const ProjectList_projects = graphql(`
  fragment ProjectList_projects on Project {
    id
    code
    acronym
    title
    startDate
    endDate
    budgetAmount
    budgetCurrency
    programme {
      id
      name
      acronym
    }
    coordinator {
      id
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
              {project.title}
            </div>
            <div className="item__meta">
              {project.code !== project.acronym && project.code !== project.title && (
                <span>{project.code}</span>
              )}
              {period && <span>{period}</span>}
              {project.budgetAmount != null && (
                <span>{formatMoney(project.budgetAmount, project.budgetCurrency)}</span>
              )}
              {project.programme && <span>{project.programme.acronym ?? project.programme.name}</span>}
            </div>
            <div className="item__people">
              {project.coordinator && (
                <span className="person">
                  {project.coordinator.acronym ?? project.coordinator.name}
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
