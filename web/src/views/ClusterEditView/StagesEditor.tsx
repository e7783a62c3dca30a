import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { writeProblem } from '../../components/forms/server-errors.ts';
import type { ClusterEditFieldsFragment } from '../../gql/graphql.ts';
import { WriteAlert } from './problems.tsx';
import { ClusterEditQuery, forgetDerived, MarkStageProvided, UnmarkStageProvided } from './queries.ts';
import { readSource, type SourceForm } from './SourcePanel.tsx';

/**
 * Which stages of the cluster's chains a member provides (stated: PROVIDES), as checkboxes; saving
 * marks and unmarks what changed, one write each, then the chain is fetched again.
 */
export function StagesEditor({
  cluster,
  source,
}: {
  cluster: ClusterEditFieldsFragment;
  source: SourceForm;
}) {
  const client = useApolloClient();
  const members = cluster.members.edges.map((edge) => edge.node);
  const stages = [
    ...new Map(
      cluster.valueChain.chains.flatMap((chain) =>
        chain.stages.map((coverage) => [coverage.stage.id, coverage.stage]),
      ),
    ).values(),
  ];
  const [memberId, setMemberId] = useState(members[0]?.id ?? '');
  const member = members.find((candidate) => candidate.id === memberId) ?? null;
  const stated = new Set(member?.provides.map((stage) => stage.id) ?? []);
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);
  const checked = chosen ?? stated;
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  if (members.length === 0 || stages.length === 0) {
    return (
      <p className="muted">
        {members.length === 0 ? 'Add a member first.' : 'The cluster has no sector with a value chain.'}
      </p>
    );
  }
  const changes = stages.filter((stage) => checked.has(stage.id) !== stated.has(stage.id));

  const save = async () => {
    if (!member) return;
    setGeneral([]);
    setSaved(false);
    const statedBy = await readSource(source);
    if (!statedBy) return;
    setSaving(true);
    try {
      for (const stage of changes) {
        await client.mutate({
          mutation: checked.has(stage.id) ? MarkStageProvided : UnmarkStageProvided,
          variables: { input: { organisationId: member.id, stageId: stage.id, source: statedBy } },
          update: (cache) => forgetDerived(cache, [member.id, stage.id]),
        });
      }
      await client.query({
        query: ClusterEditQuery,
        variables: { id: cluster.id },
        fetchPolicy: 'network-only',
      });
      setChosen(null);
      setSaved(true);
    } catch (error) {
      setGeneral(writeProblem(error).general);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="card form"
      noValidate
      aria-label="Stages provided"
      data-testid="stages-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 className="form__title">Stages a member provides</h3>
      <div className="form-field">
        <label className="form-field__label" htmlFor="stages-member">
          Member
        </label>
        <select
          id="stages-member"
          value={memberId}
          onChange={(event) => {
            setMemberId(event.target.value);
            setChosen(null);
            setSaved(false);
          }}
          data-testid="stages-member"
        >
          {members.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="stage-checks">
        <legend className="form-field__label">Provides, as stated</legend>
        {stages.map((stage) => (
          <label key={stage.id} className="toggle">
            <input
              type="checkbox"
              checked={checked.has(stage.id)}
              onChange={(event) => {
                const next = new Set(checked);
                if (event.target.checked) next.add(stage.id);
                else next.delete(stage.id);
                setChosen(next);
                setSaved(false);
              }}
              data-testid="stage-check"
              data-stage={stage.key}
            />
            <span>{stage.name}</span>
          </label>
        ))}
      </fieldset>
      <WriteAlert general={general} conflict={null} onReload={() => setGeneral([])} testId="stages-alert" />
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={saving || changes.length === 0}
          data-testid="save-stages"
        >
          {saving
            ? 'Saving…'
            : changes.length === 0
              ? 'No change to save'
              : `Save ${changes.length} change${changes.length === 1 ? '' : 's'}`}
        </button>
        {saved && (
          <p className="form__saved" role="status" data-testid="stages-saved">
            Saved; the value chain below is updated.
          </p>
        )}
      </div>
    </form>
  );
}
