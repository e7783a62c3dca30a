import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/database.ts';

/** What every resolver sees. Loaders are per request (loaders.ts keys them on this object). */
export type Context = {
  db: Database;
  log: Logger;
  requestId: string;
  /** Whether root fields prefetch the relations a query asks for in their own statement (lookahead.ts). */
  prefetch: boolean;
  /** Who sent the request (its bearer token); null when anonymous. */
  viewer: Viewer | null;
  auth: Authenticator;
};
