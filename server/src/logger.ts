import { AsyncLocalStorage } from 'node:async_hooks';
import { type DestinationStream, type Logger, pino } from 'pino';

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Runs `work` as request `requestId`: every line logged meanwhile, by any code and any logger
 * made by createLogger (Yoga's, the error masking, the database's), carries that id.
 */
export function inRequest<T>(requestId: string, work: () => T): T {
  return requestScope.run({ requestId }, work);
}

/** The logger for a request's code: its id comes from the scope, or is bound here when there is none. */
export function requestLogger(logger: Logger, requestId: string): Logger {
  return requestScope.getStore()?.requestId === requestId ? logger : logger.child({ requestId });
}

/** JSON lines to stdout, or to `destination` (tests read them). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'clustergraph' },
    mixin: () => {
      const scope = requestScope.getStore();
      return scope ? { requestId: scope.requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
