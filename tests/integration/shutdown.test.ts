import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort } from '@clustergraph/server/local-neo4j';
import { afterAll, describe, expect, inject, it } from 'vitest';

const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../server');
const CLIENTS = 8;

type Outcome = { status?: number; connectionClose?: boolean; error?: string; afterSignal: boolean };

/**
 * A real server process (`node --import tsx src/index.ts`, as `pnpm start` runs it) under
 * keep-alive load gets SIGTERM: it must stop accepting, close idle connections, answer what is in
 * flight with `Connection: close`, and exit by itself well within its drain time, without one
 * connection reset.
 */
describe('SIGTERM under load', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('drains: no resets, Connection: close on the last answers, idle connections closed, exit 0', async () => {
    const port = await freePort();
    const logs: Record<string, unknown>[] = [];
    child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: SERVER_DIR,
      env: {
        ...process.env,
        NEO4J_URI: inject('neo4jUri'),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DRAIN_TIMEOUT_MS: '10000',
        WEB_DIST: '/nonexistent-dashboard',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const server = child;
    createInterface({ input: server.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ msg: line });
      }
    });
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));

    const base = `http://127.0.0.1:${port}`;
    for (const deadline = Date.now() + 120_000; ; ) {
      const ready = await fetch(`${base}/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline || server.exitCode !== null) throw new Error('the server did not get ready');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    let signalled = false;
    const outcomes: Outcome[] = [];
    const body = JSON.stringify({
      query: '{ regions(first: 50) { totalCount edges { node { code name } } } }',
    });
    const once = (agent: Agent) =>
      new Promise<Outcome>((resolve) => {
        const afterSignal = signalled;
        const call = request(
          `${base}/graphql`,
          { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
          (response) => {
            response.resume();
            response.on('end', () =>
              resolve({
                status: response.statusCode,
                connectionClose: response.headers.connection === 'close',
                afterSignal,
              }),
            );
          },
        );
        call.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ error: error.code ?? error.message, afterSignal }),
        );
        call.end(body);
      });
    // Each client sends its next request as soon as the last is answered, on one kept-alive connection.
    const client = async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (;;) {
          const outcome = await once(agent);
          outcomes.push(outcome);
          if (outcome.error || outcome.connectionClose) return;
        }
      } finally {
        agent.destroy();
      }
    };

    // An idle keep-alive connection: one request answered, then nothing.
    const idle = connect(port, '127.0.0.1');
    const idleClosed = new Promise<void>((resolve) => idle.once('close', () => resolve()));
    idle.on('error', () => undefined);
    idle.write('GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
    await new Promise<void>((resolve) => idle.once('data', () => resolve()));

    const load = Promise.all(Array.from({ length: CLIENTS }, client));
    // Under way: every client has had answers on its connection.
    while (outcomes.length < 3 * CLIENTS) await new Promise((resolve) => setTimeout(resolve, 50));
    const answeredBefore = outcomes.length;
    signalled = true;
    const signalledAt = performance.now();
    server.kill('SIGTERM');

    await load;
    await idleClosed;
    // A new connection is refused: the server stopped accepting.
    const refused = await new Promise<string>((resolve) => {
      const late = connect(port, '127.0.0.1');
      late.once('connect', () => {
        late.destroy();
        resolve('accepted');
      });
      late.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    const code = await exited;
    const exitMs = performance.now() - signalledAt;

    expect(answeredBefore).toBeGreaterThan(0);
    const errors = outcomes.filter((outcome) => outcome.error).map((outcome) => outcome.error);
    // A client whose connection was closed may try a new one: refused, never reset.
    expect(errors.filter((error) => error !== 'ECONNREFUSED')).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.status !== undefined).every((o) => o.status === 200)).toBe(
      true,
    );
    expect(outcomes.some((outcome) => outcome.afterSignal && outcome.connectionClose)).toBe(true);
    expect(refused).toBe('ECONNREFUSED');
    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(10_000 + 5_000);
    const messages = logs.map((line) => line.msg);
    expect(messages).toContain('drained');
    expect(messages).not.toContain('drain time is over: cutting the connections left');
  }, 180_000);
});
