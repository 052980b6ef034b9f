import { readFileSync } from 'node:fs';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { isPublicOperation } from './platform/permissions.js';
import { createSchema } from './schema.js';
import { printedSchema, SCHEMA_FILE } from './scripts/print-schema.js';

describe('GraphQL schema', () => {
  it('matches the committed apps/api/schema.graphql (run `pnpm --filter @nce/api schema:print` when this fails)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printedSchema());
  });

  it('declares, on every query and mutation, the permission it needs or that it is public', async () => {
    await createSchema();
    const storage = getMetadataStorage();
    const operations = [...storage.queries, ...storage.mutations];
    expect(operations.length).toBeGreaterThan(0);
    const undeclared = operations
      .filter((op) => !storage.authorizedFields.some((a) => a.target === op.target && a.fieldName === op.methodName))
      .filter((op) => !isPublicOperation(op.target as { name: string }, op.methodName))
      .map((op) => `${(op.target as { name: string }).name}.${op.methodName}`);
    expect(undeclared).toEqual([]);
  });

  it('guards only operations: no object-type field carries a permission (simpleResolvers types would skip it)', async () => {
    await createSchema();
    const storage = getMetadataStorage();
    const operationTargets = new Set(
      [...storage.queries, ...storage.mutations, ...storage.fieldResolvers].map((op) => op.target),
    );
    const onObjectFields = storage.authorizedFields
      .filter((a) => !operationTargets.has(a.target))
      .map((a) => `${(a.target as { name: string }).name}.${a.fieldName}`);
    expect(storage.authorizedFields.length).toBeGreaterThan(0);
    expect(onObjectFields).toEqual([]);
  });
});
