export * from './complementarity.ts';
export * from './coverage.ts';
export * from './ecosystem.ts';
export * from './facts.ts';
export * from './oracle.ts';
