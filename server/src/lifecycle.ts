import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import type { Logger } from 'pino';
import type { Database } from './db/database.ts';
import { DatabaseUnavailableError } from './db/errors.ts';
import { missingSchemaObjects } from './db/schema.ts';

/** How the server stops and says whether it can serve; config.ts reads them from the environment. */
export type LifecycleSettings = {
  /** After SIGTERM, requests in flight may finish for this long; then the last connections are cut. */
  drainTimeoutMs: number;
  /** /ready answers within this, whatever state Neo4j is in. */
  readyTimeoutMs: number;
};

export const DEFAULT_LIFECYCLE: LifecycleSettings = { drainTimeoutMs: 10_000, readyTimeoutMs: 2_000 };

/**
 * A keep-alive connection idle for less than this when the drain starts may have a request on
 * its way: closing it would reset that request. It gets its answer with `Connection: close`, or
 * is closed once it has been idle this long.
 */
const IDLE_GRACE_MS = 1_000;
const SWEEP_EVERY_MS = 100;

type ConnectionState = { active: number; idleSince: number };

export type Readiness = { status: 200 | 503; body: Record<string, unknown> };

export type Lifecycle = {
  readonly draining: boolean;
  /** Called first for every request: counts it on its connection, and closes that after it while draining. */
  track(request: IncomingMessage, response: ServerResponse): void;
  /** Whether the server should get traffic: Neo4j answers in time and the model's schema is there. */
  readiness(db: Database): Promise<Readiness>;
  /**
   * Stops accepting connections at once, closes idle ones, answers the requests still in flight
   * with `Connection: close`, and resolves when every connection is closed, or after the drain
   * timeout, cutting those left.
   */
  drain(): Promise<void>;
};

export function manageLifecycle(server: Server, logger: Logger, settings: LifecycleSettings): Lifecycle {
  const connections = new Map<Socket, ConnectionState>();
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let drained: Promise<void> | undefined;

  server.on('connection', (socket: Socket) => {
    connections.set(socket, { active: 0, idleSince: performance.now() });
    socket.once('close', () => connections.delete(socket));
  });

  const closeAfterAnswer = (response: ServerResponse) => {
    if (!response.headersSent) response.setHeader('connection', 'close');
  };

  const track = (request: IncomingMessage, response: ServerResponse) => {
    const state = connections.get(request.socket);
    if (state) state.active += 1;
    inFlight.add(response);
    if (draining) closeAfterAnswer(response);
    response.once('close', () => {
      inFlight.delete(response);
      if (state) {
        state.active -= 1;
        state.idleSince = performance.now();
      }
    });
  };

  const closeIdle = (graceMs: number) => {
    const now = performance.now();
    for (const [socket, state] of connections) {
      if (state.active === 0 && now - state.idleSince >= graceMs) socket.end();
    }
  };

  const readiness = async (db: Database): Promise<Readiness> => {
    if (draining) return { status: 503, body: { status: 'shutting down' } };
    const check = (async () => {
      await db.ping();
      return missingSchemaObjects(db);
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), settings.readyTimeoutMs);
    });
    try {
      const outcome = await Promise.race([check, timeout]);
      if (outcome === 'timeout') {
        check.catch(() => undefined); // settles later; its failure is the breaker's to count
        const reason = `Neo4j did not answer within ${settings.readyTimeoutMs} ms`;
        logger.warn({ reason }, 'not ready');
        return { status: 503, body: { status: 'database unreachable', reason } };
      }
      if (outcome.length > 0) {
        logger.warn({ missing: outcome }, 'not ready: the schema is not applied');
        return { status: 503, body: { status: 'schema not applied', missing: outcome } };
      }
      return { status: 200, body: { status: 'ready' } };
    } catch (error) {
      const reason = error instanceof DatabaseUnavailableError ? error.reason : (error as Error).message;
      logger.warn({ reason, err: error }, 'not ready');
      return { status: 503, body: { status: 'database unreachable', reason } };
    } finally {
      clearTimeout(timer);
    }
  };

  const drain = () => {
    drained ??= new Promise<void>((resolve) => {
      draining = true;
      const started = performance.now();
      for (const response of inFlight) closeAfterAnswer(response);
      logger.info(
        { connections: connections.size, inFlight: inFlight.size, drainTimeoutMs: settings.drainTimeoutMs },
        'draining: no new connections; requests in flight finish',
      );
      let finished = false;
      const finish = (cut: boolean) => {
        if (finished) return;
        finished = true;
        clearInterval(sweep);
        clearTimeout(deadline);
        if (cut) {
          logger.warn(
            { connections: connections.size, inFlight: inFlight.size },
            'drain time is over: cutting the connections left',
          );
          server.closeAllConnections();
        }
        logger.info({ ms: Math.round(performance.now() - started) }, 'drained');
        resolve();
      };
      // net.Server's close, not http.Server's: that one also closes every idle keep-alive connection
      // at once, resetting a request a client is sending on one at that moment (closeIdle waits).
      NetServer.prototype.close.call(server, () => finish(false));
      closeIdle(IDLE_GRACE_MS);
      const sweep = setInterval(() => closeIdle(IDLE_GRACE_MS), SWEEP_EVERY_MS);
      const deadline = setTimeout(() => finish(true), settings.drainTimeoutMs);
    });
    return drained;
  };

  return {
    get draining() {
      return draining;
    },
    track,
    readiness,
    drain,
  };
}
