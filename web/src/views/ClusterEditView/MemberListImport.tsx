import { useApolloClient } from '@apollo/client/react';
import { useId, useState } from 'react';
import { FormAlert } from '../../components/forms/Field.tsx';
import { writeProblem } from '../../components/forms/server-errors.ts';
import { graphql } from '../../gql';
import type { ClusterEditFieldsFragment } from '../../gql/graphql.ts';
import { type ListedMember, namesOrganisation, readMemberList } from './member-list.ts';
import { AddClusterMember, forgetDerived } from './queries.ts';
import { readSource, type SourceForm } from './SourcePanel.tsx';

const MemberListMatchQuery = graphql(`
  query MemberListMatchQuery($query: String!) {
    search(query: $query, first: 10, types: [ORGANISATION], synthetic: false) {
      name
      node {
        __typename
        id
        ... on Organisation {
          acronym
        }
      }
    }
  }
`);

type Matched = ListedMember & { organisation: { id: string; name: string } | null; added?: boolean };

/**
 * Members from a list file (CSV: name, role, since): every line is read, checked and matched to an
 * organisation of the graph by name or acronym before anything is written; a file with any
 * problem is shown with its lines and nothing is added. Then each line is added as the form adds
 * one member, with the page's source.
 */
export function MemberListImport({
  cluster,
  source,
}: {
  cluster: ClusterEditFieldsFragment;
  source: SourceForm;
}) {
  const client = useApolloClient();
  const inputId = useId();
  const [file, setFile] = useState<string | null>(null);
  const [fileProblems, setFileProblems] = useState<string[]>([]);
  const [rows, setRows] = useState<Matched[]>([]);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const memberIds = new Set(cluster.members.edges.map((edge) => edge.node.id));

  const read = async (chosen: File) => {
    setBusy(true);
    setGeneral([]);
    setFile(chosen.name);
    try {
      const { members, fileProblems: problems } = readMemberList(await chosen.text());
      setFileProblems(problems);
      const matched = await Promise.all(
        members.map(async (member): Promise<Matched> => {
          if (member.problems.length > 0) return { ...member, organisation: null };
          const { data } = await client.query({
            query: MemberListMatchQuery,
            variables: { query: member.name },
          });
          const hits = (data?.search ?? []).filter((hit) => hit.node.__typename === 'Organisation');
          const same = hits.filter((hit) =>
            namesOrganisation(member.name, {
              name: hit.name,
              acronym: 'acronym' in hit.node ? hit.node.acronym : null,
            }),
          );
          const problems = [...member.problems];
          if (same.length === 0) {
            problems.push(
              `no organisation of the graph is named “${member.name}”${hits[0] ? ` (the nearest: ${hits[0].name})` : ''}`,
            );
          } else if (same.length > 1) {
            problems.push(
              `${same.length} organisations are named “${member.name}”: add this one by the form`,
            );
          }
          const organisation =
            same.length === 1 && same[0] ? { id: same[0].node.id, name: same[0].name } : null;
          if (organisation && memberIds.has(organisation.id))
            problems.push(`${organisation.name} is already a member`);
          return { ...member, organisation, problems };
        }),
      );
      setRows(matched);
    } catch (error) {
      setGeneral(writeProblem(error).general);
    } finally {
      setBusy(false);
    }
  };

  const bad = rows.filter((row) => row.problems.length > 0);
  const pending = rows.filter((row) => !row.added).length;
  const ready = fileProblems.length === 0 && bad.length === 0 && pending > 0;

  const addAll = async () => {
    setGeneral([]);
    const statedBy = await readSource(source);
    if (!statedBy) return;
    setBusy(true);
    let added = rows;
    try {
      for (const row of rows) {
        if (row.added || !row.organisation) continue;
        const organisationId = row.organisation.id;
        await client.mutate({
          mutation: AddClusterMember,
          variables: {
            input: {
              clusterId: cluster.id,
              organisationId,
              role: row.role,
              since: row.since,
              source: statedBy,
            },
          },
          update: (cache) => forgetDerived(cache, [organisationId]),
        });
        added = added.map((candidate) =>
          candidate.line === row.line ? { ...candidate, added: true } : candidate,
        );
        setRows(added);
      }
    } catch (error) {
      const problem = writeProblem(error);
      const failed = added.find((row) => !row.added);
      setGeneral([
        `Stopped at line ${failed?.line}: ${[...problem.fields.map((field) => `${field.field}: ${field.message}`), ...problem.general, problem.conflict ?? ''].filter(Boolean).join('; ')}. The lines before it were added.`,
      ]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card form" data-testid="member-list">
      <h3 className="form__title">Add members from a list file</h3>
      <div className="form-field">
        <label className="form-field__label" htmlFor={inputId}>
          List file (CSV)
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) void read(chosen);
          }}
          data-testid="member-list-file"
        />
        <p id={`${inputId}-hint`} className="form-field__hint">
          A header line with name (or organisation), and optionally role and since; one member a line. Nothing
          is added until every line is right.
        </p>
      </div>
      {busy && <p role="status">Reading {file}…</p>}
      {(fileProblems.length > 0 || bad.length > 0) && (
        <FormAlert testId="member-list-problems">
          <p>
            <strong>{file}</strong> cannot be added as it is; nothing was written. Fix these lines and choose
            the file again:
          </p>
          <ul>
            {fileProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
            {bad.map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.problems.join('; ')}.
              </li>
            ))}
          </ul>
        </FormAlert>
      )}
      {general.length > 0 && (
        <FormAlert>
          {general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </FormAlert>
      )}
      {rows.length > 0 && (
        <table className="data-table data-table--compact" data-testid="member-list-preview">
          <caption className="visually-hidden">The lines of {file}</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Name in the file</th>
              <th scope="col">Organisation</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                <td>{row.name}</td>
                <td>{row.organisation?.name ?? '—'}</td>
                <td>{row.role ?? '—'}</td>
                <td>{row.since ?? '—'}</td>
                <td>{row.added ? 'added' : row.problems.length > 0 ? 'to fix' : 'ready'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!ready || busy}
          onClick={() => void addAll()}
          data-testid="member-list-add"
        >
          {pending === 0
            ? rows.length === 0
              ? 'Add members'
              : 'All added'
            : `Add ${pending} member${pending === 1 ? '' : 's'}`}
        </button>
      </div>
    </div>
  );
}
