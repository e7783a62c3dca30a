import { useSyncExternalStore } from 'react';

/*
 * The API token of the person signed in, kept in sessionStorage: it lives as long as the tab, is
 * not sent to other tabs, and is gone when the tab closes. It is only ever sent to this origin's
 * API, as `Authorization: Bearer` (see apollo.ts).
 */
const TOKEN_KEY = 'clustergraph.apiToken';
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage refused (a privacy setting): signing in lasts until the page is left.
    return null;
  }
}

let memoryToken: string | null = null;

export function sessionToken(): string | null {
  return storage()?.getItem(TOKEN_KEY) ?? memoryToken;
}

export function setSessionToken(token: string | null) {
  memoryToken = token;
  if (token !== null) endedReason = null;
  const store = storage();
  if (token === null) store?.removeItem(TOKEN_KEY);
  else store?.setItem(TOKEN_KEY, token);
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The token now, re-rendering when someone signs in or out. */
export function useSessionToken(): string | null {
  return useSyncExternalStore(subscribe, sessionToken, () => null);
}

let endedReason: string | null = null;

/** Why the API stopped accepting the token (expired, revoked), until someone signs in again. */
export function sessionEndedReason(): string | null {
  return endedReason;
}

export function endSession(reason: string) {
  endedReason = reason;
  setSessionToken(null);
}

export function useSessionEndedReason(): string | null {
  return useSyncExternalStore(subscribe, sessionEndedReason, () => null);
}
