import {
  execute,
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { variableBoundsProblem } from './input-bounds.js';
import { estimateResultItems, fieldCount, MAX_ESTIMATED_ITEMS } from './query-limits.js';

/** What Apollo hands a gateway's executor (the parts used here). */
interface ExecutionRequest {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName?: string | null;
  queryHash: string;
  context: unknown;
  request: { variables?: Record<string, unknown> };
}

export interface CompiledCacheLimits {
  /** Compiled operations kept at most. */
  maxEntries: number;
  /** Estimated bytes the compiled operations may take together. */
  maxBytes: number;
  /** Operations remembered as seen once (names only), to compile an operation on its second run. */
  maxSeen: number;
}

export const DEFAULT_COMPILED_CACHE: CompiledCacheLimits = {
  maxEntries: 500,
  maxBytes: 128 * 1024 * 1024,
  maxSeen: 10_000,
};

/**
 * What a compiled operation costs in memory, per field selected (fragments expanded). Measured: 1,050
 * operations of ~1,400 fields each took the process from 248 MB to 3.8 GB, about 2.4 KB a field.
 */
export const COMPILED_BYTES_PER_FIELD = 2_500;

export interface CompiledCacheStats {
  entries: number;
  bytes: number;
  seen: number;
  compiled: number;
  interpreted: number;
}

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
 * graphql-js repeats a refused variable's whole value in its message ("got invalid value …"); a megabyte
 * of text would come back as a megabyte of error. The value is cut to its start.
 */
function withoutLongEcho(error: GraphQLError): GraphQLError {
  const echo = /got invalid value (.+?)(?=(?: at "[^"]*")?; )/s.exec(error.message);
  if (!echo || echo[1]!.length <= 80) return error;
  const message = error.message
    .replace(echo[1]!, `${echo[1]!.slice(0, 40)}… (${echo[1]!.length} characters)`)
    .slice(0, 1000);
  return new GraphQLError(message, { nodes: error.nodes, extensions: error.extensions });
}

export const NUL_REFUSED = 'Text may not contain the NUL character (U+0000).';

/**
 * Whether any text in a variable holds U+0000, which PostgreSQL cannot store (GraphQL's lexer already refuses it in the
 * query).
 */
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
export function operationTimedOut(
  operation: 'query' | 'mutation' | 'subscription',
  timeoutMs: number,
): ExecutionResult {
  const seconds = Math.round(timeoutMs / 100) / 10;
  const message =
    operation === 'mutation'
      ? `The change did not finish within ${seconds} s. It may still complete: look before trying again (a Buy retried with the same idempotency key is safe).`
      : `The request did not finish within ${seconds} s and was abandoned; try again, or ask for less.`;
  return { data: null, errors: [new GraphQLError(message, { extensions: { code: 'OPERATION_TIMEOUT' } })] };
}

export const tooLarge = (items: number): ExecutionResult => ({
  errors: [
    new GraphQLError(
      `The answer could hold more than ${MAX_ESTIMATED_ITEMS.toLocaleString('en-US')} values (estimated ${items > MAX_ESTIMATED_ITEMS * 10 ? 'far more' : items.toLocaleString('en-US')}); ask for smaller pages (first:) or fewer fields.`,
      {
        extensions: { code: 'QUERY_TOO_LARGE' },
      },
    ),
  ],
});

/**
 * Executes operations. An operation a signed-in user runs again is compiled with graphql-jit into a function,
 * so a page of thousands of fields costs no per-field interpretation (the bench's catalog page: graphql-js
 * spends ~0.85 µs a field); one seen once, or asked anonymously, is interpreted by graphql-js, so nobody can
 * make the server compile (~140 ms of CPU, megabytes kept) at will. Compiled operations are kept within
 * `limits` (entries and estimated bytes, least recently used out first). Before either, an answer estimated
 * too large is refused. Apollo still parses, validates (our limits included), masks errors and runs the
 * plugins; only execution changes. Apollo 4+ dropped its `executor` option, so this is handed over as a
 * "gateway" whose schema never changes.
 */
export function compiledExecution(schema: GraphQLSchema, options: { timeoutMs: number; limits?: CompiledCacheLimits }) {
  const limits = options.limits ?? DEFAULT_COMPILED_CACHE;
  const compiled = new Map<string, { query: CompiledQuery | ExecutionResult; bytes: number }>();
  const seen = new Set<string>();
  const stats = { bytes: 0, compiled: 0, interpreted: 0 };

  const remember = (key: string, query: CompiledQuery | ExecutionResult, bytes: number) => {
    // Least recently used first out: a Map iterates in insertion order and a hit re-inserts.
    while (compiled.size > 0 && (compiled.size >= limits.maxEntries || stats.bytes + bytes > limits.maxBytes)) {
      const [oldest, entry] = compiled.entries().next().value!;
      compiled.delete(oldest);
      stats.bytes -= entry.bytes;
    }
    if (bytes > limits.maxBytes) return;
    compiled.set(key, { query, bytes });
    stats.bytes += bytes;
  };

  /** The compiled operation for a signed-in caller's second run of it; null: interpret this time. */
  const compiledFor = (request: ExecutionRequest): CompiledQuery | ExecutionResult | null => {
    const key = `${request.operationName ?? ''}:${request.queryHash}`;
    const hit = compiled.get(key);
    if (hit) {
      compiled.delete(key);
      compiled.set(key, hit);
      return hit.query;
    }
    if (!(request.context as { principal?: unknown } | null)?.principal) return null;
    if (!seen.has(key)) {
      if (seen.size >= limits.maxSeen) seen.delete(seen.values().next().value!);
      seen.add(key);
      return null;
    }
    seen.delete(key);
    const query = compileQuery(schema, request.document, request.operationName ?? undefined);
    stats.compiled += 1;
    remember(key, query, fieldCount(request.document, request.operation) * COMPILED_BYTES_PER_FIELD);
    return query;
  };

  const executor = async (request: ExecutionRequest): Promise<ExecutionResult> => {
    // graphql-js coerces the variables, so a bad one is reported as graphql-js does (Apollo answers
    // BAD_USER_INPUT); graphql-jit's own errors for them carry no location and would be masked as faults.
    const coerced = getVariableValues(
      schema,
      request.operation.variableDefinitions ?? [],
      request.request.variables ?? {},
    );
    if (coerced.errors) return { errors: coerced.errors.map(withoutLongEcho) };
    if (holdsNul(coerced.coerced))
      return { errors: [new GraphQLError(NUL_REFUSED, { extensions: { code: 'BAD_USER_INPUT' } })] };
    const outOfBounds = variableBoundsProblem(schema, request.operation, coerced.coerced);
    if (outOfBounds) return { errors: [outOfBounds] };
    const items = estimateResultItems(schema, request.document, request.operation, coerced.coerced);
    if (items > MAX_ESTIMATED_ITEMS) return tooLarge(items);

    const query = compiledFor(request);
    if (query && !isCompiledQuery(query)) return query;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<ExecutionResult>(
      (resolve) =>
        (timer = setTimeout(
          () => resolve(operationTimedOut(request.operation.operation, options.timeoutMs)),
          options.timeoutMs,
        )),
    );
    try {
      if (query) {
        const result = await Promise.race([
          query.query(undefined, request.context, request.request.variables ?? {}),
          timedOut,
        ]);
        return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
      }
      stats.interpreted += 1;
      const run = execute({
        schema,
        document: request.document,
        operationName: request.operationName,
        variableValues: request.request.variables ?? {},
        contextValue: request.context,
      });
      return await Promise.race([Promise.resolve(run), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    stats: (): CompiledCacheStats => ({
      entries: compiled.size,
      bytes: stats.bytes,
      seen: seen.size,
      compiled: stats.compiled,
      interpreted: stats.interpreted,
    }),
    load: async () => ({ schema, executor }),
    onSchemaLoadOrUpdate: (
      callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void,
    ) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    stop: async () => {},
  };
}
