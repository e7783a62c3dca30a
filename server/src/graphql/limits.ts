import { GraphQLError, type ValidationRule } from 'graphql';

export const MAX_ALIASES = 30;

/** Refuses documents that repeat fields under many aliases, a cheap way to multiply work. */
export const aliasLimitRule: ValidationRule = (context) => {
  let aliases = 0;
  return {
    Field(node) {
      if (!node.alias) return;
      aliases += 1;
      if (aliases === MAX_ALIASES + 1) {
        context.reportError(
          new GraphQLError(`Query has more than ${MAX_ALIASES} aliases (limit: aliases ${MAX_ALIASES}).`, {
            nodes: [node],
            extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases' },
          }),
        );
      }
    },
  };
};
