export * from './candidates.ts';
export * from './cooperation.ts';
export * from './geography.ts';
