import type { buildYoga } from '@clustergraph/server/yoga';

export type GraphQLErrorBody = {
  message: string;
  path?: string[];
  extensions?: {
    code?: string;
    field?: string;
    id?: string;
    currentVersion?: number;
    problems?: { field: string; message: string }[];
  };
};
export type GraphQLBody<T> = { data?: T | null; errors?: GraphQLErrorBody[] };

/**
 * A GraphQL request through Yoga as a client at `address` sends it, with a bearer token or none.
 * The address is what the server takes from the socket (the failed-authentication limit keys on it).
 */
export async function send<T = Record<string, unknown>>(
  api: ReturnType<typeof buildYoga>,
  query: string,
  variables: Record<string, unknown> = {},
  { token, address = '192.0.2.1' }: { token?: string | undefined; address?: string } = {},
) {
  const response = await api.fetch(
    'http://test/graphql',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables }),
    },
    { req: { socket: { remoteAddress: address } } },
  );
  const body = (await response.json()) as GraphQLBody<T>;
  return { ...body, status: response.status, headers: response.headers };
}

export const codesOf = (body: { errors?: GraphQLErrorBody[] }) =>
  (body.errors ?? []).map((e) => e.extensions?.code);
