export * from './candidates.ts';
export * from './cooperation.ts';
export * from './ecosystem-analysis.ts';
export * from './geography.ts';
