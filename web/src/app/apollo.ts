import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

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

/** The API is served by the same origin as the dashboard (the dev server proxies it). */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql' }),
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
