import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { endSession, sessionToken } from './session.ts';

const ROOT_LISTS = [
  'clusters',
  'organisations',
  'projects',
  'programmes',
  'partnerships',
  'regions',
  'sectors',
  'needs',
  'pilotActions',
  'goodPractices',
] as const;

/**
 * The signed-in person's token on every request, read when the request is made; a request sent
 * again after the session ended goes without it. The sign-in check brings the token it checks.
 */
const bearerToken = new SetContextLink((context) => {
  if (context.checkingToken) return {};
  const { authorization: _previous, ...headers } = (context.headers ?? {}) as Record<string, string>;
  const token = sessionToken();
  return { headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers };
});

/**
 * The API refuses every request that carries a wrong, expired or revoked token (UNAUTHENTICATED,
 * HTTP 401), reads included. Then the session ends, the header says why, and the request is sent
 * again without the token, so reading goes on; a write then fails as "not signed in" in its form.
 * Whether to send again depends on the token this request carried, not on the session now: the
 * requests of one page are refused together, and the first to come back has already ended it.
 * The sign-in check sends the token it checks itself (`checkingToken`), and sees the refusal.
 */
const endRefusedSession = new ErrorLink(({ error, operation, forward }) => {
  const context = operation.getContext();
  const sent = (context.headers as Record<string, string> | undefined)?.authorization;
  if (sent === undefined || context.checkingToken) return;
  const refusal = CombinedGraphQLErrors.is(error)
    ? error.errors.find((graphqlError) => graphqlError.extensions?.code === 'UNAUTHENTICATED')?.message
    : ServerError.is(error) && error.statusCode === 401
      ? 'the token was not accepted'
      : undefined;
  if (refusal === undefined) return;
  if (sent === `Bearer ${sessionToken()}`) endSession(refusal);
  return forward(operation);
});

/** The API is served by the same origin as the dashboard (the dev server proxies it). */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([endRefusedSession, bearerToken, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            // "Load more" appends pages; a new filter or order starts a new list.
            ...Object.fromEntries(
              ROOT_LISTS.map((field) => [field, relayStylePagination(['filter', 'orderBy'])]),
            ),
          },
        },
      },
    }),
  });
}
