import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';

/** What every resolver sees. Loaders are per request (loaders.ts keys them on this object). */
export type Context = {
  db: Database;
  log: Logger;
  requestId: string;
  /** Whether root fields prefetch the relations a query asks for in their own statement (lookahead.ts). */
  prefetch: boolean;
};
