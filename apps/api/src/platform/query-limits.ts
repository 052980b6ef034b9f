import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

export interface QueryLimits {
  /** Deepest nesting of fields. */
  maxDepth: number;
  /** Aliased fields in one document (alias amplification). */
  maxAliases: number;
  /** Field selections in one document, fragments expanded: a simple cost. */
  maxFields: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxFields: 1500 };

interface Measure {
  depth: number;
  fields: number;
  aliases: number;
}

/** Walks a selection set with its fragments expanded, once per fragment path, never around a cycle. */
function measure(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>, depth: number, budget: QueryLimits): Measure {
  const total: Measure = { depth, fields: 0, aliases: 0 };
  for (const selection of set.selections) {
    let inner: Measure | null = null;
    if (selection.kind === Kind.FIELD) {
      total.fields += 1;
      if (selection.alias) total.aliases += 1;
      if (selection.selectionSet) inner = measure(selection.selectionSet, fragments, seen, depth + 1, budget);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, seen, depth, budget);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      inner = measure(fragment.selectionSet, fragments, new Set([...seen, fragment.name.value]), depth, budget);
    }
    if (inner) {
      total.depth = Math.max(total.depth, inner.depth);
      total.fields += inner.fields;
      total.aliases += inner.aliases;
    }
    // Stop early: a hostile document must not cost more to measure than to refuse.
    if (total.fields > budget.maxFields || total.depth > budget.maxDepth) return total;
  }
  return total;
}

/** Refuses documents too deep, too wide or too aliased, with a clear error, before anything runs. */
export function queryLimitsRule(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    return {
      OperationDefinition(operation) {
        const m = measure(operation.selectionSet, fragments, new Set(), 1, limits);
        // Apollo reports every validation error as GRAPHQL_VALIDATION_FAILED; the message says which limit.
        const refuse = (message: string) => context.reportError(new GraphQLError(message, { nodes: [operation] }));
        if (m.depth > limits.maxDepth) refuse(`The query nests ${m.depth > limits.maxDepth + 1 ? 'more than ' : ''}${Math.min(m.depth, limits.maxDepth + 1)} levels deep; at most ${limits.maxDepth} are allowed.`);
        else if (m.fields > limits.maxFields) refuse(`The query selects more than ${limits.maxFields} fields; ask for less, or page.`);
        else if (m.aliases > limits.maxAliases) refuse(`The query uses ${m.aliases} aliases; at most ${limits.maxAliases} are allowed.`);
      },
    };
  };
}
