import { GraphQLError } from 'graphql';

/** Bad input from the client, naming the argument (path) it came in. */
export class BadInputError extends GraphQLError {
  constructor(argument: string, message: string) {
    super(`Invalid argument "${argument}": ${message}`, {
      extensions: { code: 'BAD_USER_INPUT', argument },
    });
  }
}
