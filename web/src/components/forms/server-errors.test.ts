import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { formFieldOf, writeProblem } from './server-errors.ts';

const graphqlErrors = (...errors: { message: string; extensions: Record<string, unknown> }[]) =>
  new CombinedGraphQLErrors({ data: null, errors });

describe('what the API said about a write, sorted for a form', () => {
  it('puts each BAD_USER_INPUT beside the form field its input path names', () => {
    const problem = writeProblem(
      graphqlErrors(
        {
          message: 'must be an ISO date that exists',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.since' },
        },
        { message: 'must not be empty', extensions: { code: 'BAD_USER_INPUT', field: 'input.source.note' } },
      ),
    );
    expect(problem.fields).toEqual([
      { field: 'since', message: 'must be an ISO date that exists' },
      { field: 'source.note', message: 'must not be empty' },
    ]);
    expect(problem.general).toEqual([]);
    expect(problem.conflict).toBeNull();
  });

  it('tells a stale version, a refusal and a lost sign-in apart', () => {
    const problem = writeProblem(
      graphqlErrors(
        { message: 'version 3 is stale (now 4)', extensions: { code: 'CONFLICT', currentVersion: 4 } },
        { message: 'editors of other clusters may not', extensions: { code: 'FORBIDDEN' } },
        { message: 'the token has expired', extensions: { code: 'UNAUTHENTICATED' } },
      ),
    );
    expect(problem.conflict).toBe('version 3 is stale (now 4)');
    expect(problem.unauthenticated).toBe('the token has expired');
    expect(problem.general).toEqual([
      'Refused: editors of other clusters may not',
      'Not signed in: the token has expired',
    ]);
  });

  it('says a network failure as it is', () => {
    expect(writeProblem(new TypeError('Failed to fetch')).general).toEqual(['Failed to fetch']);
  });

  it('keeps a path that is not under the argument whole', () => {
    expect(formFieldOf('input.members.2.role')).toBe('members.2.role');
    expect(formFieldOf('clusterId')).toBe('clusterId');
  });
});
