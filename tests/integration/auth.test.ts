import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { issueApiToken } from '@clustergraph/server/auth';
import { createLogger } from '@clustergraph/server/logger';
import { buildYoga } from '@clustergraph/server/yoga';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';
import { codesOf, send } from '../helpers/requests.ts';

/*
 * Who may do what (#12 §1): API tokens stored hashed and shown once, JWTs of an identity
 * provider, UNAUTHENTICATED / FORBIDDEN writing nothing, the failed-authentication limit per
 * address, CSRF prevention, reads public unless configured.
 */

const graph = useGraph();
const silent = createLogger('silent');
const JWT_SECRET = 'a-shared-secret-of-the-test-identity-provider-32b';
const api = buildYoga({
  db: graph.db,
  logger: silent,
  auth: {
    failedAttempts: 3,
    jwt: {
      issuer: 'https://idp.test/',
      audience: 'clustergraph',
      keys: { secret: JWT_SECRET },
      rolesClaim: 'realm_access.roles',
      clustersClaim: 'clusters',
      nameClaim: 'name',
    },
  },
});

let admin: string;
const tokenCount = () => graph.count('MATCH (t:ApiToken) RETURN count(t)');

const CREATE = `mutation Create($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id name role createdBy clusters { key } } }
}`;

beforeAll(async () => {
  await graph.reset();
  await graph.loadCurated();
  // The bootstrap: what `pnpm token:create --role admin` runs.
  admin = (
    await issueApiToken(graph.db, { name: 'First admin', role: 'admin', clusterIds: [], createdBy: 'test' })
  ).secret;
});

describe('API tokens', () => {
  it('an admin creates a token whose secret is shown once and stored only as its SHA-256', async () => {
    const [cluster] = await graph.rows<{ id: string }>(
      'MATCH (c:Cluster) RETURN c.id AS id ORDER BY c.id LIMIT 1',
    );
    const clusterGlobalId = Buffer.from(`Cluster:${cluster?.id}`).toString('base64');
    const created = await send<{
      createApiToken: {
        token: string;
        apiToken: { id: string; role: string; createdBy: string; clusters: { key: string }[] };
      };
    }>(
      api,
      CREATE,
      { input: { name: 'Agency editor', role: 'EDITOR', clusterIds: [clusterGlobalId] } },
      { token: admin },
    );
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data?.createApiToken ?? { token: '', apiToken: null };
    expect(token).toMatch(/^cgt_[\w-]{43}$/);
    expect(apiToken).toMatchObject({
      role: 'EDITOR',
      createdBy: 'First admin',
      clusters: [{ key: cluster?.id }],
    });
    const stored = await graph.rows<{ props: Record<string, unknown> }>(
      'MATCH (t:ApiToken {id: $id}) RETURN properties(t) AS props',
      { id: apiToken?.id },
    );
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]?.props.hash).toMatch(/^[0-9a-f]{64}$/);

    const me = await send<{
      viewer: { name: string; role: string; via: string; clusters: { key: string }[] };
    }>(api, '{ viewer { name role via clusters { key } } }', {}, { token });
    expect(me.data?.viewer).toEqual({
      name: 'Agency editor',
      role: 'EDITOR',
      via: 'TOKEN',
      clusters: [{ key: cluster?.id }],
    });

    const listed = await send<{ apiTokens: { name: string }[] }>(
      api,
      '{ apiTokens { name } }',
      {},
      { token: admin },
    );
    expect(listed.data?.apiTokens.map((t) => t.name)).toEqual(['Agency editor', 'First admin']);
    expect(JSON.stringify(listed)).not.toContain('cgt_');
  });

  it('refuses a token request field by field and writes nothing', async () => {
    const before = await tokenCount();
    const refused = await send(
      api,
      CREATE,
      { input: { name: ' ', role: 'EDITOR', expiresInDays: 0 } },
      { token: admin },
    );
    expect(codesOf(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.extensions?.problems?.map((p) => p.field)).toEqual([
      'input.name',
      'input.expiresInDays',
      'input.clusterIds',
    ]);
    expect(await tokenCount()).toBe(before);
  });

  it('without a token a write is UNAUTHENTICATED; with a weaker role FORBIDDEN; neither writes', async () => {
    const viewer = (
      await issueApiToken(graph.db, { name: 'Reader', role: 'viewer', clusterIds: [], createdBy: 'test' })
    ).secret;
    const before = await tokenCount();
    const input = { input: { name: 'Sneaky', role: 'ADMIN' } };
    const anonymous = await send(api, CREATE, input);
    expect(codesOf(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data).toBeNull();
    const weaker = await send(api, CREATE, input, { token: viewer });
    expect(codesOf(weaker)).toEqual(['FORBIDDEN']);
    expect(weaker.errors?.[0]?.message).toContain('createApiToken');
    const listing = await send(api, '{ apiTokens { name } }', {}, { token: viewer });
    expect(codesOf(listing)).toEqual(['FORBIDDEN']);
    expect(await tokenCount()).toBe(before);
  });

  it('a wrong, revoked or expired token is UNAUTHENTICATED (401) even for a read', async () => {
    const { secret, token } = await issueApiToken(graph.db, {
      name: 'Short-lived',
      role: 'viewer',
      clusterIds: [],
      createdBy: 'test',
    });
    expect((await send(api, '{ viewer { name } }', {}, { token: secret })).data).toEqual({
      viewer: { name: 'Short-lived' },
    });

    const wrong = await send(
      api,
      '{ viewer { name } }',
      {},
      { token: `${secret.slice(0, -2)}xx`, address: '198.51.100.1' },
    );
    expect(wrong.status).toBe(401);
    expect(codesOf(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer');

    await graph.rows("MATCH (t:ApiToken {id: $id}) SET t.expiresAt = '2020-01-01T00:00:00.000Z'", {
      id: token.id,
    });
    const expired = await send(api, '{ viewer { name } }', {}, { token: secret, address: '198.51.100.2' });
    expect(expired.errors?.[0]?.message).toContain('expired');

    await graph.rows('MATCH (t:ApiToken {id: $id}) SET t.expiresAt = null', { id: token.id });
    const revoked = await send<{ revokeApiToken: { apiToken: { revokedAt: string } } }>(
      api,
      'mutation($id: ID!) { revokeApiToken(input: {id: $id}) { apiToken { revokedAt } } }',
      { id: token.id },
      { token: admin },
    );
    expect(revoked.data?.revokeApiToken.apiToken.revokedAt).toMatch(/^\d{4}-/);
    const afterRevoke = await send(
      api,
      '{ viewer { name } }',
      {},
      { token: secret, address: '198.51.100.3' },
    );
    expect(afterRevoke.errors?.[0]?.message).toContain('revoked');
  });

  it('anonymous reads stay public unless READS_REQUIRE_AUTH', async () => {
    const open = await send<{ viewer: null; clusters: { totalCount: number } }>(
      api,
      '{ viewer { name } clusters { totalCount } }',
    );
    expect(open.data?.viewer).toBeNull();
    expect(open.data?.clusters.totalCount).toBeGreaterThan(0);
    const closed = buildYoga({ db: graph.db, logger: silent, auth: { readsRequireAuth: true } });
    const refused = await send(closed, '{ clusters { totalCount } }');
    expect(refused.status).toBe(401);
    expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);
    const reader = (
      await issueApiToken(graph.db, { name: 'Reader 2', role: 'viewer', clusterIds: [], createdBy: 'test' })
    ).secret;
    expect((await send(closed, '{ clusters { totalCount } }', {}, { token: reader })).errors).toBeUndefined();
  });
});

describe('failed authentication is limited per client address', () => {
  it('after 3 failures the address gets 429 with Retry-After, even with a good token; others are not affected', async () => {
    const address = '203.0.113.7';
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const failed = await send(api, '{ viewer { name } }', {}, { token: `cgt_wrong${attempt}`, address });
      expect(codesOf(failed)).toEqual(['UNAUTHENTICATED']);
    }
    const limited = await send(api, '{ viewer { name } }', {}, { token: admin, address });
    expect(limited.status).toBe(429);
    expect(codesOf(limited)).toEqual(['TOO_MANY_REQUESTS']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Anonymous reads from that address go on; another address with the good token is let in.
    expect((await send(api, '{ viewer { name } }', {}, { address })).data).toEqual({ viewer: null });
    expect(
      (await send(api, '{ viewer { name } }', {}, { token: admin, address: '203.0.113.8' })).data,
    ).toEqual({
      viewer: { name: 'First admin' },
    });
  });
});

describe('JWT of the identity provider', () => {
  const jwt = (claims: Record<string, unknown>, { audience = 'clustergraph', expires = '5m' } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://idp.test/')
      .setAudience(audience)
      .setSubject('u-42')
      .setIssuedAt()
      .setExpirationTime(expires)
      .sign(new TextEncoder().encode(JWT_SECRET));

  it('takes name, the strongest role and the clusters from the configured claims', async () => {
    const token = await jwt({
      name: 'Ioana',
      realm_access: { roles: ['offline_access', 'clustergraph:editor'] },
      clusters: ['c1'],
    });
    const me = await send(api, '{ viewer { id name role via } }', {}, { token });
    expect(me.data).toEqual({
      viewer: { id: 'jwt:https://idp.test/:u-42', name: 'Ioana', role: 'EDITOR', via: 'JWT' },
    });
  });

  it('refuses another audience, an expired token and a token naming no role', async () => {
    const roles = { realm_access: { roles: ['admin'] } };
    for (const [token, words] of [
      [await jwt(roles, { audience: 'another-app' }), 'aud'],
      [await jwt(roles, { expires: '-1m' }), 'exp'],
      [await jwt({ realm_access: { roles: ['offline_access'] } }), 'no role'],
    ] as const) {
      const refused = await send(
        api,
        '{ viewer { name } }',
        {},
        { token, address: `198.18.0.${words.length}` },
      );
      expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);
      expect(refused.errors?.[0]?.message).toContain(words);
    }
  });

  it('verifies RS256 tokens against a local JWKS', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const withJwks = buildYoga({
      db: graph.db,
      logger: silent,
      auth: {
        jwt: {
          issuer: 'https://idp.test/',
          audience: 'clustergraph',
          keys: { jwks: { keys: [jwk] } },
          rolesClaim: 'roles',
          clustersClaim: 'clusters',
          nameClaim: 'name',
        },
      },
    });
    const token = await new SignJWT({ roles: ['viewer'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer('https://idp.test/')
      .setAudience('clustergraph')
      .setSubject('u-7')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await send(withJwks, '{ viewer { role } }', {}, { token })).data).toEqual({
      viewer: { role: 'VIEWER' },
    });
  });
});

describe('CSRF prevention', () => {
  it('refuses a POST a form could send (text/plain), keeps JSON POSTs and plain GET queries', async () => {
    const form = await api.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ viewer { name } }' }),
    });
    expect(form.status).toBe(403);
    expect(await form.text()).toContain('CSRF');
    const get = await api.fetch('http://test/graphql?query=%7B%20viewer%20%7B%20name%20%7D%20%7D');
    expect(get.status).toBe(200);
  });
});

describe('pnpm token:create', () => {
  it('creates the first admin token through the same code and prints its secret once', async () => {
    const run = promisify(execFile);
    const { stdout, stderr } = await run(
      'npx',
      ['tsx', 'scripts/create-token.ts', '--role', 'admin', '--name', 'Bootstrap'],
      {
        cwd: new URL('../../server/', import.meta.url).pathname,
        env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
      },
    );
    expect(stderr).toContain('Created admin token');
    const secret = stdout.trim();
    expect((await send(api, '{ viewer { name role } }', {}, { token: secret })).data).toEqual({
      viewer: { name: 'Bootstrap', role: 'ADMIN' },
    });
  });
});
