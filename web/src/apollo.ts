import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/** The API is served by the same origin as the dashboard (the dev server proxies it). */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql' }),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            // "Load more" appends pages; a new filter or order starts a new list.
            clusters: relayStylePagination(['filter', 'orderBy']),
          },
        },
      },
    }),
  });
}
