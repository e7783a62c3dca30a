export * from './curated.ts';
