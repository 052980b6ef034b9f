import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The names of the fields a query selects at `path` below the resolver's own field (`['nodes', 'lines']`: the
 * lines of the nodes), through fragments and inline fragments; fields under `@skip`/`@include` count as selected.
 * Lets a list read only the columns a query shows (a page of orders with what the list screen asks for).
 */
export function selectedFields(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  path: string[],
): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  for (const step of path)
    sets = fieldsOf(sets, info.fragments)
      .filter((f) => f.name.value === step && f.selectionSet)
      .map((f) => f.selectionSet!);
  return new Set(fieldsOf(sets, info.fragments).map((f) => f.name.value));
}

function fieldsOf(sets: SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === 'Field') out.push(selection);
      else if (selection.kind === 'InlineFragment') visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  for (const set of sets) visit(set, new Set());
  return out;
}
