export * from './connect.ts';
export * from './curated.ts';
export * from './dataset.ts';
export * from './validate.ts';
export * from './write.ts';
