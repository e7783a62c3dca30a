import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer } from '@clustergraph/server';
import { createLogger } from '@clustergraph/server/logger';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * A browser test file's stack: the API serving the built dashboard (web/dist, built by `pnpm test`
 * before vitest runs) over the test Neo4j, and a page in Debian's Chromium. `prepare` fills the
 * graph before the server starts. Every console error and page error is kept, for the tests to
 * assert there were none.
 */
export function useDashboard(prepare: () => Promise<void>) {
  const state = {} as { server: RunningServer; browser: Browser; page: Page; errors: string[]; url: string };
  beforeAll(async () => {
    if (!existsSync(`${WEB_DIST}/index.html`)) {
      throw new Error(
        `The dashboard is not built at ${WEB_DIST}: run \`pnpm --filter @clustergraph/web build\`.`,
      );
    }
    await prepare();
    state.server = await startServer(
      {
        port: 0, // startServer reports the port it got
        host: '127.0.0.1',
        neo4jUri: inject('neo4jUri'),
        neo4jUser: 'neo4j',
        neo4jPassword: '',
        neo4jDatabase: undefined,
        logLevel: 'silent',
        webDist: WEB_DIST,
      },
      createLogger('silent'),
    );
    state.url = state.server.url;
    await mkdir(ARTIFACTS, { recursive: true });
    state.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-gpu',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    state.errors = [];
    state.page = await state.browser.newPage({
      viewport: { width: 1360, height: 900 },
      acceptDownloads: true,
    });
    state.page.setDefaultTimeout(30_000);
    state.page.on('pageerror', (error) => state.errors.push(error.message));
    state.page.on('console', (message) => {
      if (message.type() === 'error') state.errors.push(message.text());
    });
  });
  // What the page showed when a test failed, for whoever reads the run's log afterwards.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !state.page) return;
    const name = `failed-${task.name.replace(/[^\w-]+/g, '-').slice(0, 80)}`;
    await screenshot(state.page, name).catch(() => undefined);
    console.error(`The page at the failure: tests/artifacts/${name}.png (${state.page.url()})`);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.stop();
  });
  return state;
}

/** The UI answers after a request to the API; the machine may be busy. */
export const eventually = <T>(read: () => T | Promise<T>) =>
  expect.poll(read, { timeout: 30_000, interval: 100 });

export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** axe-core's WCAG 2 A/AA rules on the page as it is now; the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol: the dashboard's Content-Security-Policy refuses
  // inline scripts, and the test must not loosen it.
  if (!loaded) await page.evaluate(await readFile(AXE_SOURCE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target })),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
