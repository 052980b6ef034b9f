import type { CodegenConfig } from '@graphql-codegen/cli';

// Types of every operation, generated from the committed schema. src/gql is generated; never edit it.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { SafeInt: 'number' } },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
