/**
 * Analyses of the cooperation graph as pure functions over plain data and graphology graphs:
 * no driver, no GraphQL, usable in the server and the browser alike.
 */

export * from './partners/index.ts';
export * from './value-chains/index.ts';
