export * from './agenda.ts';
export * from './export.ts';
