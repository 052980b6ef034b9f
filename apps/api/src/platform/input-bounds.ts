import {
  getNamedType,
  GraphQLError,
  GraphQLID,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  type ASTVisitor,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * Bounds the text scalars cannot carry (platform/text.types.ts bounds text): how many items any list input
 * may hold (a list becomes an SQL IN (...), and SQLite takes at most 32,766 parameters), and how long an ID
 * may be (ids are only looked up, but a megabyte of one is still refused).
 */
export const MAX_LIST_ITEMS = 100;
export const MAX_ID_LENGTH = 100;

const listTooLong = (where: string, items: number) =>
  `${where} holds ${items} items; at most ${MAX_LIST_ITEMS} are allowed.`;
const idTooLong = (where: string) => `${where} is longer than an id can be (at most ${MAX_ID_LENGTH} characters).`;

/** Refuses, while validating, a list literal longer than MAX_LIST_ITEMS and an ID literal longer than MAX_ID_LENGTH. */
export function inputBoundsRule(): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    ListValue(node) {
      if (node.values.length > MAX_LIST_ITEMS)
        context.reportError(new GraphQLError(listTooLong('A list', node.values.length), { nodes: [node] }));
    },
    StringValue(node) {
      const type = context.getInputType();
      if (type && getNamedType(type) === GraphQLID && node.value.length > MAX_ID_LENGTH)
        context.reportError(new GraphQLError(idTooLong('An id'), { nodes: [node] }));
    },
  });
}

/** The same bounds over the operation's variables, once coerced; the first problem, or null. */
export function variableBoundsProblem(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLError | null {
  const check = (type: GraphQLInputType, value: unknown, where: string): string | null => {
    if (value === null || value === undefined) return null;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      if (!Array.isArray(value)) return check(inner.ofType, value, where);
      if (value.length > MAX_LIST_ITEMS) return listTooLong(where, value.length);
      for (let i = 0; i < value.length; i += 1) {
        const problem = check(inner.ofType, value[i], `${where}[${i}]`);
        if (problem) return problem;
      }
      return null;
    }
    if (isInputObjectType(inner)) {
      for (const field of Object.values(inner.getFields())) {
        const problem = check(field.type, (value as Record<string, unknown>)[field.name], `${where}.${field.name}`);
        if (problem) return problem;
      }
      return null;
    }
    return inner === GraphQLID && typeof value === 'string' && value.length > MAX_ID_LENGTH ? idTooLong(where) : null;
  };
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    const name = definition.variable.name.value;
    const problem = type ? check(type, variables[name], `$${name}`) : null;
    if (problem) return new GraphQLError(`Variable ${problem}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return null;
}
