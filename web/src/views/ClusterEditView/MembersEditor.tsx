import { useMutation } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { EntityLink } from '../../components/EntityLink.tsx';
import { FieldFrame, TextField } from '../../components/forms/Field.tsx';
import { writeProblem } from '../../components/forms/server-errors.ts';
import { humanize } from '../../format.ts';
import type { ClusterEditFieldsFragment } from '../../gql/graphql.ts';
import { MemberListImport } from './MemberListImport.tsx';
import { OrganisationPicker, type PickedOrganisation } from './OrganisationPicker.tsx';
import { showFieldProblems, WriteAlert } from './problems.tsx';
import { AddClusterMember, forgetDerived, RemoveClusterMember, UpdateClusterMember } from './queries.ts';
import { type AddMemberFields, addMemberRules, type MembershipFields, membershipRules } from './rules.ts';

/** The add-member form's fields in the order they are on screen. */
const ADD_MEMBER_FIELDS = [
  'organisationId',
  'role',
  'since',
] as const satisfies readonly (keyof AddMemberFields)[];

import { readSource, type SourceForm } from './SourcePanel.tsx';

type Member = ClusterEditFieldsFragment['members']['edges'][number];
type Shown = { general: string[]; conflict: string | null };
const NOTHING: Shown = { general: [], conflict: null };

/** One member's role and since, saved with the version it was read at; or removed. */
function MemberRow({
  clusterId,
  member,
  source,
  onReload,
}: {
  clusterId: string;
  member: Member;
  source: SourceForm;
  onReload: () => void;
}) {
  const [shown, setShown] = useState<Shown>(NOTHING);
  const [saved, setSaved] = useState(false);
  const [update] = useMutation(UpdateClusterMember);
  const [remove] = useMutation(RemoveClusterMember);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<MembershipFields, unknown, { role: string | null; since: string | null }>({
    resolver: zodResolver(membershipRules),
    defaultValues: { role: member.role ?? '', since: member.since ?? '' },
  });
  const organisation = member.node;

  const fail = (error: unknown) => {
    const problem = writeProblem(error);
    const unplaced = showFieldProblems(problem, ['role', 'since'], setError, source);
    setShown({ general: [...problem.general, ...unplaced], conflict: problem.conflict });
  };
  const save = handleSubmit(async (fields) => {
    setShown(NOTHING);
    setSaved(false);
    const statedBy = await readSource(source);
    if (!statedBy) return;
    try {
      await update({
        variables: {
          input: {
            clusterId,
            organisationId: organisation.id,
            version: member.version,
            ...fields,
            source: statedBy,
          },
        },
        update: (cache) => forgetDerived(cache, [organisation.id]),
      });
      setSaved(true);
    } catch (error) {
      fail(error);
    }
  });
  const removeMember = async () => {
    setShown(NOTHING);
    const statedBy = await readSource(source);
    if (!statedBy) return;
    try {
      await remove({
        variables: {
          input: { clusterId, organisationId: organisation.id, version: member.version, source: statedBy },
        },
        update: (cache) => forgetDerived(cache, [organisation.id]),
      });
    } catch (error) {
      fail(error);
    }
  };

  return (
    <li className="member-row" data-testid="member-row" data-member={organisation.key}>
      <form
        className="member-row__form"
        noValidate
        onSubmit={save}
        aria-label={`Membership of ${organisation.name}`}
      >
        <div className="member-row__name">
          <EntityLink label="Organisation" entityKey={organisation.key}>
            {organisation.name}
          </EntityLink>
          <span className="subtle"> {humanize(organisation.kind)}</span>
        </div>
        <TextField
          label="Role"
          error={errors.role?.message}
          {...register('role')}
          data-testid="member-role"
        />
        <TextField
          label="Since"
          hint="YYYY, YYYY-MM or YYYY-MM-DD"
          error={errors.since?.message}
          inputMode="numeric"
          {...register('since')}
          data-testid="member-since"
        />
        <div className="member-row__actions">
          <button
            type="submit"
            className="button"
            disabled={isSubmitting || !isDirty}
            data-testid="save-member"
          >
            Save
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => void removeMember()}
            data-testid="remove-member"
          >
            Remove<span className="visually-hidden"> {organisation.name}</span>
          </button>
        </div>
        {saved && !isDirty && (
          <p className="form__saved" role="status">
            Saved.
          </p>
        )}
      </form>
      <WriteAlert
        general={shown.general}
        conflict={shown.conflict}
        onReload={onReload}
        testId="member-alert"
      />
    </li>
  );
}

/** Add an organisation found by name, with its role and since. */
function AddMemberForm({
  clusterId,
  members,
  source,
}: {
  clusterId: string;
  members: readonly Member[];
  source: SourceForm;
}) {
  const [shown, setShown] = useState<Shown>(NOTHING);
  const [picked, setPicked] = useState<PickedOrganisation | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [add] = useMutation(AddClusterMember);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<
    AddMemberFields,
    unknown,
    { organisationId: string; role: string | null; since: string | null }
  >({
    resolver: zodResolver(addMemberRules),
    defaultValues: { organisationId: '', role: '', since: '' },
    // react-hook-form focuses errors in the order fields registered, and the picker's Controller
    // registers after the plain fields: the first error on screen is focused here instead.
    shouldFocusError: false,
  });
  const memberIds = new Set(members.map((member) => member.node.id));
  const submit = handleSubmit(
    async (fields) => {
      setShown(NOTHING);
      setAdded(null);
      const statedBy = await readSource(source);
      if (!statedBy) return;
      try {
        await add({
          variables: { input: { clusterId, ...fields, source: statedBy } },
          update: (cache) => forgetDerived(cache, [fields.organisationId]),
        });
        setAdded(picked?.name ?? 'The organisation');
        setPicked(null);
        reset();
      } catch (error) {
        const problem = writeProblem(error);
        const unplaced = showFieldProblems(problem, ADD_MEMBER_FIELDS, setError, source);
        setShown({ general: [...problem.general, ...unplaced], conflict: problem.conflict });
      }
    },
    (invalid) => {
      const first = ADD_MEMBER_FIELDS.find((name) => invalid[name]);
      if (first) setFocus(first);
    },
  );
  return (
    <form
      className="card form"
      noValidate
      onSubmit={submit}
      aria-label="Add a member"
      data-testid="add-member"
    >
      <h3 className="form__title">Add a member</h3>
      <div className="form__row">
        <Controller
          control={control}
          name="organisationId"
          render={({ field, fieldState }) => (
            <FieldFrame
              label="Organisation"
              error={fieldState.error?.message}
              testId="add-member-organisation"
            >
              {(frame) => (
                <OrganisationPicker
                  key={added ?? 'picking'}
                  value={picked}
                  exclude={memberIds}
                  control={frame}
                  inputRef={field.ref}
                  onChange={(organisation) => {
                    setPicked(organisation);
                    field.onChange(organisation?.id ?? '');
                  }}
                />
              )}
            </FieldFrame>
          )}
        />
        <TextField
          label="Role"
          hint="As the cluster names it, e.g. founding member"
          error={errors.role?.message}
          {...register('role')}
          data-testid="add-member-role"
        />
        <TextField
          label="Since"
          hint="YYYY, YYYY-MM or YYYY-MM-DD"
          error={errors.since?.message}
          {...register('since')}
          data-testid="add-member-since"
        />
      </div>
      <WriteAlert general={shown.general} conflict={shown.conflict} onReload={() => setShown(NOTHING)} />
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={isSubmitting}
          data-testid="add-member-submit"
        >
          Add member
        </button>
        {added && (
          <p className="form__saved" role="status" data-testid="member-added">
            {added} is now a member.
          </p>
        )}
      </div>
    </form>
  );
}

export function MembersEditor({
  cluster,
  source,
  onReload,
}: {
  cluster: ClusterEditFieldsFragment;
  source: SourceForm;
  onReload: () => void;
}) {
  const members = cluster.members.edges;
  return (
    <>
      <AddMemberForm clusterId={cluster.id} members={members} source={source} />
      <MemberListImport cluster={cluster} source={source} />
      {cluster.members.totalCount > members.length && (
        <p className="muted small">
          The first {members.length} of {cluster.members.totalCount} members, by name.
        </p>
      )}
      <ul className="member-rows" data-testid="member-rows">
        {members.map((member) => (
          // A new version (someone's save, a reload) starts the row's form afresh from it.
          <MemberRow
            key={`${member.node.id}@${member.version}`}
            clusterId={cluster.id}
            member={member}
            source={source}
            onReload={onReload}
          />
        ))}
      </ul>
    </>
  );
}
