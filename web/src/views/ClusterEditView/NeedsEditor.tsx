import { useMutation } from '@apollo/client/react';
import { NEED_KINDS } from '@clustergraph/schema';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { EntityLink } from '../../components/EntityLink.tsx';
import { FieldFrame, TextField } from '../../components/forms/Field.tsx';
import { writeProblem } from '../../components/forms/server-errors.ts';
import { humanize } from '../../format.ts';
import type { ClusterEditFieldsFragment, NeedKind } from '../../gql/graphql.ts';
import { showFieldProblems, WriteAlert } from './problems.tsx';
import { ClusterEditQuery, CreateNeed } from './queries.ts';
import { type NeedFields, needRules } from './rules.ts';
import { readSource, type SourceForm } from './SourcePanel.tsx';

/** Record a gap, need or opportunity the cluster has; the needs it has are listed below. */
export function NeedsEditor({ cluster, source }: { cluster: ClusterEditFieldsFragment; source: SourceForm }) {
  const [shown, setShown] = useState<{ general: string[]; conflict: string | null }>({
    general: [],
    conflict: null,
  });
  const [recorded, setRecorded] = useState(false);
  const [create] = useMutation(CreateNeed, {
    refetchQueries: [{ query: ClusterEditQuery, variables: { id: cluster.id } }],
    awaitRefetchQueries: true,
  });
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<NeedFields, unknown, { text: string; kind: NeedKind; regionCode: string | null }>({
    resolver: zodResolver(needRules),
    defaultValues: { text: '', kind: 'NEED', regionCode: cluster.region?.code ?? '' },
  });
  const submit = handleSubmit(async (fields) => {
    setShown({ general: [], conflict: null });
    setRecorded(false);
    const statedBy = await readSource(source);
    if (!statedBy) return;
    try {
      await create({
        variables: { input: { ...fields, clusterId: cluster.id, source: statedBy } },
        // The list of needs shows the new one when next visited.
        update: (cache) => {
          cache.evict({ id: 'ROOT_QUERY', fieldName: 'needs' });
          cache.gc();
        },
      });
      reset();
      setRecorded(true);
    } catch (error) {
      const problem = writeProblem(error);
      const unplaced = showFieldProblems(problem, ['text', 'kind', 'regionCode'], setError, source);
      setShown({ general: [...problem.general, ...unplaced], conflict: problem.conflict });
    }
  });
  return (
    <>
      <form
        className="card form"
        noValidate
        onSubmit={submit}
        aria-label="Record a need"
        data-testid="need-form"
      >
        <h3 className="form__title">Record a need</h3>
        <FieldFrame label="What is needed" error={errors.text?.message} testId="need-text-field">
          {(control) => <textarea rows={3} {...register('text')} {...control} data-testid="need-text" />}
        </FieldFrame>
        <div className="form__row">
          <FieldFrame label="Kind" error={errors.kind?.message}>
            {(control) => (
              <select {...register('kind')} {...control} data-testid="need-kind">
                {NEED_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {humanize(kind)}
                  </option>
                ))}
              </select>
            )}
          </FieldFrame>
          <TextField
            label="Region (NUTS code)"
            hint="Where the need is; the cluster's region unless you change it."
            error={errors.regionCode?.message}
            {...register('regionCode')}
            data-testid="need-region"
          />
        </div>
        <WriteAlert
          general={shown.general}
          conflict={shown.conflict}
          onReload={() => setShown({ general: [], conflict: null })}
        />
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={isSubmitting}
            data-testid="record-need"
          >
            Record the need
          </button>
          {recorded && (
            <p className="form__saved" role="status" data-testid="need-recorded">
              Recorded.
            </p>
          )}
        </div>
      </form>
      {cluster.needs.length > 0 && (
        <ul className="related" data-testid="cluster-needs">
          {cluster.needs.map((need) => (
            <li key={need.id}>
              <EntityLink label="Need" entityKey={need.key}>
                {need.text}
              </EntityLink>
              <span className="subtle"> {humanize(need.kind)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
