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
