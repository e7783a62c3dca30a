import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../app/focus.tsx';
import { type EntityLabel, entityRoutes, listPath } from '../app/paths.ts';
import type { NodeQueryState } from '../hooks/useNodeQuery.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { NotFound } from './NotFound.tsx';
import { Skeleton } from './Skeleton.tsx';

/** What an entity page shows until its entity is there: a skeleton, the error, or "no such". */
export function PendingEntity({
  label,
  state,
}: {
  label: EntityLabel;
  state: Exclude<NodeQueryState<unknown>, { status: 'ready' }>;
}) {
  const { singular } = entityRoutes[label];
  usePageTitle(state.status === 'missing' ? undefined : entityRoutes[label].plural);
  if (state.status === 'missing') return <NotFound what={singular} />;
  if (state.status === 'error') {
    return (
      <section>
        <PageHeading>The {singular}</PageHeading>
        <ErrorNotice what={`The ${singular}`} error={state.error} onRetry={state.retry} />
      </section>
    );
  }
  return <Skeleton label={`Loading the ${singular}…`} />;
}

/** The head of an entity page: breadcrumb to its list, its name as the page's heading, badges. */
export function EntityHeader({
  label,
  title,
  acronym,
  subtitle,
  synthetic,
  aside,
  testId,
  crumb = {
    to: listPath(label as Exclude<EntityLabel, 'ValueChainStage'>),
    text: entityRoutes[label].plural,
  },
}: {
  label: EntityLabel;
  title: string;
  acronym?: string | null;
  subtitle?: ReactNode;
  synthetic?: boolean;
  aside?: ReactNode;
  testId?: string;
  /** Where the breadcrumb leads back to: the entity's list unless it has none. */
  crumb?: { to: string; text: string };
}) {
  usePageTitle(`${title} · ${entityRoutes[label].singular}`);
  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to={crumb.to}>{crumb.text}</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">{title}</span>
      </nav>
      <header className="view-heading">
        <div>
          <p className="eyebrow">{entityRoutes[label].singular}</p>
          <PageHeading testId={testId}>
            {title}
            {acronym && acronym !== title && <span className="acronym acronym--title">{acronym}</span>}
            {synthetic && <span className="badge badge--synthetic">synthetic</span>}
          </PageHeading>
          {subtitle && <p className="lede">{subtitle}</p>}
        </div>
        {aside}
      </header>
    </>
  );
}
