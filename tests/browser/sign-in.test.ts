import { issueApiToken } from '@clustergraph/server/auth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, seriousViolations, useDashboard } from '../helpers/dashboard.ts';
import { useGraph } from '../helpers/graph.ts';

/*
 * Signing in to the dashboard with an API token made by the server's own code: a wrong token is
 * said beside the field and nothing is kept; a right one shows who is signed in and as what; a
 * token revoked meanwhile ends the session with its reason while reading goes on.
 */

const graph = useGraph();
const tokens = {} as { viewer: string; admin: string; viewerId: string };
const dashboard = useDashboard(async () => {
  await graph.reset();
  await graph.loadCurated();
  const viewer = await issueApiToken(graph.db, {
    name: 'Victor Viewer',
    role: 'viewer',
    clusterIds: [],
    createdBy: 'the sign-in test',
  });
  const admin = await issueApiToken(graph.db, {
    name: 'Ada Admin',
    role: 'admin',
    clusterIds: [],
    createdBy: 'the sign-in test',
  });
  tokens.viewer = viewer.secret;
  tokens.viewerId = viewer.token.id;
  tokens.admin = admin.secret;
});

async function signIn(page: Page, url: string, token: string, next = '/') {
  await page.goto(`${url}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('sign-in').click();
}

/** The error shown beside a control, found as a screen reader finds it: through aria-describedby. */
const describedError = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((control) =>
    (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .filter((element) => element?.classList.contains('form-field__error'))
      .map((element) => element?.textContent ?? '')
      .join(' '),
  );

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

describe('signing in', () => {
  it('says an empty or wrong token beside the field, focused, and keeps nothing', async () => {
    const { page, url, errors } = dashboard;
    await page.goto(`${url}/clusters`);
    await page.getByTestId('sign-in-link').click();
    await eventually(() => page.getByTestId('sign-in-title').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/clusters');

    await page.getByTestId('sign-in').click();
    await eventually(() => describedError(page, 'token-input')).toMatch(/Paste the API token/);
    expect(await focusedTestId(page)).toBe('token-input');

    await page.getByTestId('token-input').fill('cgt_not-a-token-anyone-made');
    await page.getByTestId('sign-in').click();
    await eventually(() => describedError(page, 'token-input')).toMatch(/^⚠ Not accepted: /);
    expect(await focusedTestId(page)).toBe('token-input');
    expect(await page.getByTestId('token-input').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.getByTestId('sign-in-link').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    // The browser logs the API's 401 to the console; nothing else may be there.
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
    errors.length = 0;
  });

  it('shows who is signed in and as what, and signs out', async () => {
    const { page, url, errors } = dashboard;
    await signIn(page, url, tokens.viewer, '/organisations');
    await eventually(() => new URL(page.url()).pathname).toBe('/organisations');
    await eventually(() => page.getByTestId('signed-in-as').textContent()).toBe(
      'Signed in as Victor Viewer viewer',
    );
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([tokens.viewer]);
    expect(await seriousViolations(page)).toEqual([]);

    // The tab keeps the sign-in over a reload; sign out forgets it.
    await page.reload();
    await eventually(() => page.getByTestId('signed-in-as').textContent()).toContain('Victor Viewer');

    // Signing in as someone else, without signing out first, shows the new person.
    await signIn(page, url, tokens.admin, '/organisations');
    await eventually(() => new URL(page.url()).pathname).toBe('/organisations');
    await eventually(() => page.getByTestId('signed-in-as').textContent()).toBe(
      'Signed in as Ada Admin admin',
    );
    await page.getByTestId('sign-out').click();
    await eventually(() => page.getByTestId('sign-in-link').count()).toBe(1);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('ends the session of a token revoked meanwhile, with the reason, and reading goes on', async () => {
    const { page, url, errors } = dashboard;
    await signIn(page, url, tokens.viewer, '/clusters');
    await eventually(() => new URL(page.url()).pathname).toBe('/clusters');
    await eventually(() => page.getByTestId('signed-in-as').textContent()).toContain('Victor Viewer');

    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}` },
      body: JSON.stringify({
        query: 'mutation ($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { revokedAt } } }',
        variables: { id: tokens.viewerId },
      }),
    });
    const answer = (await response.json()) as {
      data?: { revokeApiToken: { apiToken: { revokedAt: string } } };
    };
    expect(answer.data?.revokeApiToken.apiToken.revokedAt).toBeTruthy();

    await page.reload();
    await eventually(() => page.getByTestId('sign-in-link').count()).toBe(1);
    await eventually(() => page.locator('[data-testid=entity-row], tbody tr').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.getByTestId('sign-in-link').click();
    await eventually(() => page.getByTestId('session-ended').textContent()).toMatch(
      /Your last sign-in ended: .+/,
    );
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
  });
});
