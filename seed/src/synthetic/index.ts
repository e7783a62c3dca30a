export * from './generate.ts';
export * from './load.ts';
export * from './reference.ts';
