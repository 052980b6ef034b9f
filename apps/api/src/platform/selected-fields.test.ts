import { parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedFields } from './selected-fields.js';

const infoOf = (query: string) => {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
      .map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
};

describe('the fields a query selects below a resolver', () => {
  it('follows a path through fields, fragments, inline fragments and aliases', () => {
    const info = infoOf(`query { orders(first: 5) {
      nodes { id ...More ... on Order { placedAt } lines { quantity ...Line } }
      pageInfo { hasNextPage } } }
      fragment More on Order { soNumber again: soNumber lines { term } }
      fragment Line on OrderLine { status }`);
    expect(selectedFields(info, [])).toEqual(new Set(['nodes', 'pageInfo']));
    expect(selectedFields(info, ['nodes'])).toEqual(new Set(['id', 'soNumber', 'placedAt', 'lines']));
    expect(selectedFields(info, ['nodes', 'lines'])).toEqual(new Set(['quantity', 'status', 'term']));
    expect(selectedFields(info, ['edges'])).toEqual(new Set());
  });

  it('stops at a fragment that spreads itself', () => {
    const info = infoOf(`query { orders { nodes { ...A } } } fragment A on Order { id ...A }`);
    expect(selectedFields(info, ['nodes'])).toEqual(new Set(['id']));
  });
});
