export * from './constraints.ts';
export * from './dates.ts';
export * from './global-id.ts';
export * from './model.ts';
export * from './rows.ts';
export * from './search-text.ts';
export * from './text.ts';
