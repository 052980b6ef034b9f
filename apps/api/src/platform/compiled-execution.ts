import { getVariableValues, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** What Apollo hands a gateway's executor (the parts used here). */
interface ExecutionRequest {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName?: string | null;
  queryHash: string;
  context: unknown;
  request: { variables?: Record<string, unknown> };
}

export const COMPILED_QUERIES_MAX = 1000;

/**
 * graphql-jit's errors leave `extensions` undefined, on which Apollo's error formatting trips (and
 * answers a bare "Internal server error" without calling ours); graphql-js errors always have it.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const normal = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  return Object.assign(normal, { locations: error.locations });
}

/**
 * Executes operations with graphql-jit: each distinct operation is compiled once into a function, so a
 * page of thousands of fields costs no per-field interpretation (the bench's catalog page: graphql-js
 * spends ~0.85 µs a field). Apollo still parses, validates (our limits included), masks errors and runs
 * the plugins; only execution changes. Apollo 4+ dropped its `executor` option, so this is handed over
 * as a "gateway" whose schema never changes.
 */
export const NUL_REFUSED = 'Text may not contain the NUL character (U+0000).';

/** Whether any text in a variable holds U+0000, which PostgreSQL cannot store (GraphQL's lexer already refuses it in the query). */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

/**
 * The answer when an operation runs past its time. Nothing can stop the work already started (a
 * transaction commits or rolls back on its own), so a mutation's client is told it may still land.
 */
export function operationTimedOut(operation: 'query' | 'mutation' | 'subscription', timeoutMs: number): ExecutionResult {
  const seconds = Math.round(timeoutMs / 100) / 10;
  const message =
    operation === 'mutation'
      ? `The change did not finish within ${seconds} s. It may still complete: look before trying again (a Buy retried with the same idempotency key is safe).`
      : `The request did not finish within ${seconds} s and was abandoned; try again, or ask for less.`;
  return { data: null, errors: [new GraphQLError(message, { extensions: { code: 'OPERATION_TIMEOUT' } })] };
}

export function compiledExecution(schema: GraphQLSchema, options: { timeoutMs: number }) {
  const compiled = new Map<string, CompiledQuery | ExecutionResult>();
  const executor = async (request: ExecutionRequest): Promise<ExecutionResult> => {
    const key = `${request.operationName ?? ''}:${request.queryHash}`;
    let query = compiled.get(key);
    if (!query) {
      query = compileQuery(schema, request.document, request.operationName ?? undefined);
      // Oldest first out: a Map iterates in insertion order.
      if (compiled.size >= COMPILED_QUERIES_MAX) compiled.delete(compiled.keys().next().value!);
      compiled.set(key, query);
    }
    if (!isCompiledQuery(query)) return query;
    // graphql-js coerces the variables, so a bad one is reported as graphql-js does (Apollo answers
    // BAD_USER_INPUT); graphql-jit's own errors for them carry no location and would be masked as faults.
    const coerced = getVariableValues(schema, request.operation.variableDefinitions ?? [], request.request.variables ?? {});
    if (coerced.errors) return { errors: coerced.errors };
    if (holdsNul(coerced.coerced)) return { errors: [new GraphQLError(NUL_REFUSED, { extensions: { code: 'BAD_USER_INPUT' } })] };
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<ExecutionResult>((resolve) => (timer = setTimeout(() => resolve(operationTimedOut(request.operation.operation, options.timeoutMs)), options.timeoutMs)));
    try {
      const result = await Promise.race([query.query(undefined, request.context, request.request.variables ?? {}), timedOut]);
      return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    load: async () => ({ schema, executor }),
    onSchemaLoadOrUpdate: (callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    stop: async () => {},
  };
}
