import { GraphQLError } from 'graphql';

/** Quoting a client's value back stops here: a 100 KB argument is not echoed whole. */
const MAX_DETAIL_CHARACTERS = 300;

/** Bad input from the client, naming the argument (path) it came in. */
export class BadInputError extends GraphQLError {
  constructor(argument: string, message: string) {
    const detail =
      message.length > MAX_DETAIL_CHARACTERS
        ? `${message.slice(0, MAX_DETAIL_CHARACTERS)}… (shortened)`
        : message;
    super(`Invalid argument "${argument}": ${detail}`, {
      extensions: { code: 'BAD_USER_INPUT', argument },
    });
  }
}

export type FieldProblem = { field: string; message: string };

/**
 * A mutation's input that cannot be written: `extensions.field` names the first bad field by its
 * path ("input.since", "input.source.note"), `extensions.problems` every one, so a form marks
 * each field at once.
 */
export class InputFieldError extends GraphQLError {
  constructor(problems: readonly FieldProblem[]) {
    const bounded = problems.map(({ field, message }) => ({
      field,
      message:
        message.length > MAX_DETAIL_CHARACTERS
          ? `${message.slice(0, MAX_DETAIL_CHARACTERS)}… (shortened)`
          : message,
    }));
    const first = bounded[0] ?? { field: 'input', message: 'is not valid' };
    super(bounded.map(({ field, message }) => `${field}: ${message}`).join('; '), {
      extensions: { code: 'BAD_USER_INPUT', field: first.field, problems: bounded },
    });
  }
}

/** Throws the problems found, if any. */
export function refuseProblems(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) throw new InputFieldError(problems);
}

/** A global id that names nothing (of the type the field wants). */
export class NotFoundError extends GraphQLError {
  constructor(id: string, what: string) {
    super(`No ${what} has the id ${id}.`, { extensions: { code: 'NOT_FOUND', id } });
  }
}
