import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** What the API said went wrong with a write, sorted for a form to show. */
export type WriteProblem = {
  /** BAD_USER_INPUT errors by the form field they name ("input.since" → "since"). */
  fields: { field: string; message: string }[];
  /** A stale version: someone else changed the entity since it was loaded. */
  conflict: string | null;
  /** The token was missing, wrong, expired or revoked. */
  unauthenticated: string | null;
  /** Anything else (refused, not signed in, not found, the network), said at the top of the form. */
  general: string[];
};

/**
 * The API names the input field of a BAD_USER_INPUT error by its path from the argument
 * ("input.since", "input.members.2.role"); the form's fields are named after the input's, so the
 * path without the argument is the form field.
 */
export function formFieldOf(path: string, argument = 'input'): string {
  return path.startsWith(`${argument}.`) ? path.slice(argument.length + 1) : path;
}

export function writeProblem(error: unknown, argument = 'input'): WriteProblem {
  const problem: WriteProblem = { fields: [], conflict: null, unauthenticated: null, general: [] };
  if (!CombinedGraphQLErrors.is(error)) {
    problem.general.push(error instanceof Error ? error.message : String(error));
    return problem;
  }
  for (const graphqlError of error.errors) {
    const code = graphqlError.extensions?.code;
    const field = graphqlError.extensions?.field;
    if (code === 'BAD_USER_INPUT' && typeof field === 'string') {
      problem.fields.push({ field: formFieldOf(field, argument), message: graphqlError.message });
    } else if (code === 'CONFLICT') {
      problem.conflict = graphqlError.message;
    } else if (code === 'UNAUTHENTICATED') {
      problem.unauthenticated = graphqlError.message;
      problem.general.push(`Not signed in: ${graphqlError.message}`);
    } else {
      problem.general.push(code === 'FORBIDDEN' ? `Refused: ${graphqlError.message}` : graphqlError.message);
    }
  }
  return problem;
}
