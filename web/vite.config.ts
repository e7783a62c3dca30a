import { defineConfig } from 'vite';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  server: {
    // `pnpm dev` against a running API (`pnpm start` listens on 4000).
    proxy: { '/graphql': 'http://localhost:4000' },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
