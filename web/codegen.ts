import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every operation and fragment in src/, generated from the committed SDL (no server
 * needed). The output in src/gql/ is committed so a fresh checkout typechecks.
 */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        // A plain function, not a hook: the name says so.
        fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
      },
      config: {
        useTypeImports: true,
        strictScalars: true,
        scalars: { ID: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
