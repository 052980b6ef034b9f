import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { PAGE_SIZE_MAX } from './cursor.js';

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
function measure(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
  depth: number,
  budget: QueryLimits,
): Measure {
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

/** Field selections of one operation, fragments expanded (counting stops past DEFAULT_QUERY_LIMITS.maxFields). */
export function fieldCount(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return measure(operation.selectionSet, fragments, new Set(), 1, DEFAULT_QUERY_LIMITS).fields;
}

/** Refuses documents too deep, too wide or too aliased, with a clear error, before anything runs. */
export function queryLimitsRule(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const fragments = new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    return {
      OperationDefinition(operation) {
        const m = measure(operation.selectionSet, fragments, new Set(), 1, limits);
        // Apollo reports every validation error as GRAPHQL_VALIDATION_FAILED; the message says which limit.
        const refuse = (message: string) => context.reportError(new GraphQLError(message, { nodes: [operation] }));
        if (m.depth > limits.maxDepth)
          refuse(
            `The query nests ${m.depth > limits.maxDepth + 1 ? 'more than ' : ''}${Math.min(m.depth, limits.maxDepth + 1)} levels deep; at most ${limits.maxDepth} are allowed.`,
          );
        else if (m.fields > limits.maxFields)
          refuse(`The query selects more than ${limits.maxFields} fields; ask for less, or page.`);
        else if (m.aliases > limits.maxAliases)
          refuse(`The query uses ${m.aliases} aliases; at most ${limits.maxAliases} are allowed.`);
      },
    };
  };
}

/** Items an answer may be estimated to hold (fields × the list sizes above them) before it is refused unrun. */
export const MAX_ESTIMATED_ITEMS = 1_000_000;
/** How many entries a list with no `first` argument is assumed to hold. */
export const UNPAGED_LIST_ESTIMATE = 10;

/**
 * Estimates how many items (field values) an operation's answer can hold: each field counts once for every
 * element of the lists above it; a list's size is the `first` argument (variables applied) of the list or of
 * the connection it is in, or, without one, UNPAGED_LIST_ESTIMATE. Depth and field limits say how big a document is;
 * this says how big its answer
 * can be (28 aliased catalog pages pass the first and fail this). Stops counting once past `budget`.
 */
export function estimateResultItems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  budget = MAX_ESTIMATED_ITEMS,
): number {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;
  const pageSize = (field: FieldNode): number | null => {
    const first = field.arguments?.find((a) => a.name.value === 'first');
    if (!first) return null;
    const value =
      first.value.kind === Kind.VARIABLE
        ? variables[first.value.name.value]
        : first.value.kind === Kind.INT
          ? Number(first.value.value)
          : null;
    // A page larger than PAGE_SIZE_MAX is refused by its resolver with a clearer message than this estimate's.
    return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(0, value), PAGE_SIZE_MAX) : null;
  };
  /** `page`: the `first` of the connection this selection is in, which sizes the first list met inside it. */
  const walk = (
    set: SelectionSetNode,
    type: GraphQLNamedType,
    multiplier: number,
    page: number | null,
    seen: Set<string>,
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (total > budget) break;
      if (selection.kind === Kind.FIELD) {
        total += multiplier;
        const definition =
          isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!selection.selectionSet || !definition) continue;
        const first = pageSize(selection);
        if (isListType(getNullableType(definition.type))) {
          total += walk(
            selection.selectionSet,
            getNamedType(definition.type),
            multiplier * (first ?? page ?? UNPAGED_LIST_ESTIMATE),
            null,
            seen,
          );
        } else {
          total += walk(selection.selectionSet, getNamedType(definition.type), multiplier, first ?? page, seen);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        total += walk(selection.selectionSet, condition ?? type, multiplier, page, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        total += walk(
          fragment.selectionSet,
          schema.getType(fragment.typeCondition.name.value) ?? type,
          multiplier,
          page,
          new Set([...seen, fragment.name.value]),
        );
      }
    }
    return total;
  };
  return walk(operation.selectionSet, root, 1, null, new Set());
}
