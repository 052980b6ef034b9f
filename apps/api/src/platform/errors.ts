import type { GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { AuthenticationError, AuthorizationError } from 'type-graphql';
import type { Logger } from './logger.js';
import { BadInput, Forbidden } from './request-context.js';

/** Codes a client may see as they are; everything else is a bug or an outage and is masked. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OPERATION_TIMEOUT',
  'QUERY_TOO_LARGE',
]);

/** Whether a client sees this error as it is, or it is a bug or an outage to mask. */
function clientFacing(error: unknown, code: unknown): boolean {
  const original = unwrapResolverError(error);
  return (
    original instanceof AuthenticationError ||
    original instanceof AuthorizationError ||
    original instanceof Forbidden ||
    original instanceof BadInput ||
    (typeof code === 'string' && CLIENT_CODES.has(code))
  );
}

/**
 * Apollo's formatError: what a client may see of an error. Masked errors carry the request id that the
 * `errorReporting` plugin adds, and logs with the original, once the response is built.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AuthenticationError) {
    return {
      message: 'Sign in to do this.',
      path: formatted.path,
      extensions: { code: 'UNAUTHENTICATED', reason: 'SIGNED_OUT' },
    };
  }
  if (original instanceof BadInput) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', argumentName: original.argumentName },
    };
  }
  if (original instanceof AuthorizationError || original instanceof Forbidden) {
    return {
      message: 'You do not have permission to do this.',
      path: formatted.path,
      extensions: { code: 'FORBIDDEN' },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // A request id given where the error was raised (a failed context) is kept; others are added by the plugin.
  const requestId = formatted.extensions?.requestId;
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(typeof requestId === 'string' ? { requestId } : {}) },
  };
}

/** Logs each masked error with its request id, and gives that id to the client in the masked error. */
export function errorReporting(logger: Logger): ApolloServerPlugin<{ requestId: string }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (clientFacing(error, error.extensions?.code)) continue;
            logger.error(
              { err: unwrapResolverError(error), requestId: contextValue.requestId, path: error.path },
              'unexpected error in GraphQL operation',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR')
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}
