import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { PageHeading } from '../../app/focus.tsx';
import { entityPath, globalIdFromSlug } from '../../app/paths.ts';
import { useSessionToken } from '../../app/session.ts';
import { mayEditCluster, ROLE_NAMES, useViewer } from '../../app/viewer.ts';
import { EntityLink } from '../../components/EntityLink.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { Section } from '../../components/Section.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import { getFragmentData } from '../../gql';
import type { StageVerdict } from '../../gql/graphql.ts';
import { usePageTitle } from '../../hooks/usePageTitle.ts';
import { MembersEditor } from './MembersEditor.tsx';
import { NeedsEditor } from './NeedsEditor.tsx';
import { ClusterEditFields, ClusterEditQuery } from './queries.ts';
import { SourcePanel, useSourceForm } from './SourcePanel.tsx';
import { StagesEditor } from './StagesEditor.tsx';

const VERDICT: Record<StageVerdict, { symbol: string; text: string }> = {
  COVERED: { symbol: '●', text: 'covered' },
  WEAK: { symbol: '◐', text: 'weak' },
  GAP: { symbol: '○', text: 'gap' },
};
const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Editing a cluster: its members (add, role and since, remove), the stages they provide, its
 * needs. Only for an editor of this cluster or an admin: anyone else is sent to sign in, or told
 * why not. Every write carries the source said once in the panel at the top.
 */
export function ClusterEditView() {
  const { slug = '' } = useParams();
  const location = useLocation();
  const token = useSessionToken();
  const { viewer, loading: checking } = useViewer();
  const id = globalIdFromSlug('Cluster', slug);
  const source = useSourceForm();
  const { data, error, loading, refetch } = useQuery(ClusterEditQuery, {
    variables: { id },
    skip: token === null,
  });
  const node = data?.node?.__typename === 'Cluster' ? data.node : null;
  const cluster = node ? getFragmentData(ClusterEditFields, node) : null;
  usePageTitle(cluster ? `Edit ${cluster.name}` : 'Edit a cluster');

  if (token === null) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  const malformedId =
    CombinedGraphQLErrors.is(error) &&
    error.errors.some(
      (problem) => problem.extensions?.code === 'BAD_USER_INPUT' && problem.extensions.argument === 'id',
    );
  if (malformedId) return <NotFound what="cluster" />;
  if (error) {
    return (
      <section>
        <PageHeading>Edit a cluster</PageHeading>
        <ErrorNotice what="The cluster" error={error} onRetry={() => void refetch()} />
      </section>
    );
  }
  if ((loading && !data) || checking) return <Skeleton label="Loading the cluster…" />;
  if (!cluster) return <NotFound what="cluster" />;
  const reload = () => void refetch();

  if (!mayEditCluster(viewer, cluster.id)) {
    return (
      <section>
        <PageHeading testId="edit-title">Edit {cluster.name}</PageHeading>
        <div className="notice notice--error" role="alert" data-testid="edit-refused">
          <p>
            {viewer
              ? `You are signed in as ${viewer.name}, a ${ROLE_NAMES[viewer.role]}${
                  viewer.role === 'EDITOR' ? ' of other clusters' : ''
                }: only an editor of this cluster or an admin may change it.`
              : 'The API does not say who you are: sign in again.'}
          </p>
          <p>
            <EntityLink label="Cluster" entityKey={cluster.key}>
              Back to {cluster.name}
            </EntityLink>
          </p>
        </div>
      </section>
    );
  }

  const stages = cluster.valueChain.chains.flatMap((chain) => chain.stages);
  return (
    <article className="cluster-edit-view">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <EntityLink label="Cluster" entityKey={cluster.key}>
          {cluster.name}
        </EntityLink>{' '}
        <span aria-hidden="true">›</span> <span aria-current="page">Edit</span>
      </nav>
      <header className="view-heading">
        <div>
          <PageHeading testId="edit-title">Edit {cluster.name}</PageHeading>
          <p className="lede">
            Members, the stages they provide, and the cluster's needs. Every change is kept with its source
            and who made it.
          </p>
        </div>
        <div className="view-heading__aside">
          <Link
            className="button"
            to={`${entityPath('Cluster', cluster.key)}/value-chain`}
            data-testid="open-value-chain"
          >
            Value chain view
          </Link>
        </div>
      </header>

      <SourcePanel form={source} />

      <Section
        title={`Value chain: ${percent(cluster.valueChain.coveredShare)} of the stages covered`}
        testId="edit-chain"
      >
        {stages.length === 0 ? (
          <p className="muted">The cluster has no sector with a value chain.</p>
        ) : (
          <ol className="chain-strip chain-strip--compact">
            {stages.map((coverage) => (
              <li
                key={`${coverage.stage.id}-${coverage.position}`}
                className={`stage-box verdict--${coverage.verdict.toLowerCase()}`}
                data-testid="edit-stage"
                data-stage={coverage.stage.key}
                data-verdict={coverage.verdict}
              >
                <span className="stage-box__name">{coverage.stage.name}</span>
                <span className="stage-box__verdict">
                  <span aria-hidden="true">{VERDICT[coverage.verdict].symbol}</span>{' '}
                  {VERDICT[coverage.verdict].text}
                  {` · ${coverage.providers.totalCount} member${coverage.providers.totalCount === 1 ? '' : 's'}`}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title="Members" count={cluster.members.totalCount} testId="edit-members">
        <MembersEditor cluster={cluster} source={source} onReload={reload} />
      </Section>
      <Section title="Stages provided" testId="edit-stages">
        <StagesEditor key={cluster.members.edges.length} cluster={cluster} source={source} />
      </Section>
      <Section title="Needs" count={cluster.needs.length} testId="edit-needs">
        <NeedsEditor cluster={cluster} source={source} />
      </Section>
    </article>
  );
}
