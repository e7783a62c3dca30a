export type { Driver } from 'neo4j-driver';
export * from './connect.ts';
export * from './dataset.ts';
export * from './validate.ts';
export * from './write.ts';
