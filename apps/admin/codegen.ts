import type { CodegenConfig } from '@graphql-codegen/cli';

// Types of every operation, generated from the committed schema. src/gql is generated; never edit it.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: {
          SafeInt: 'number',
          ShortText: 'string',
          EmailText: 'string',
          Code: 'string',
          Cursor: 'string',
          Password: 'string',
          FreeText: 'string',
        },
      },
      presetConfig: { fragmentMasking: false },
    },
    // Which object types implement BusinessError and belong to each union: without it, Apollo's cache
    // cannot match `... on BusinessError` and drops those fields.
    './src/gql/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { useExplicitTyping: true },
    },
  },
};
export default config;
