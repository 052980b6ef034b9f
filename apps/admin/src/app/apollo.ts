import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { mutationToasts } from './mutation-toasts';
import { ErrorLink } from '@apollo/client/link/error';
import introspection from '../gql/possible-types';

export type SignInReason = 'SESSION_EXPIRED' | 'SIGNED_OUT';

/** Appends a page of a cursor connection to the one already cached for the same arguments. */
function appendPages(keyArgs: string[], list: 'edges' | 'nodes') {
  return {
    keyArgs,
    merge(
      existing: Record<string, unknown[]> | undefined,
      incoming: Record<string, unknown[]>,
      { args }: { args: Record<string, unknown> | null },
    ) {
      if (!existing || !args?.after) return incoming;
      return { ...incoming, [list]: [...(existing[list] ?? []), ...(incoming[list] ?? [])] };
    },
  };
}

/** The client; `onSignInRequired` runs when the API says the session is missing or has expired. */
export function createApolloClient(onSignInRequired: (reason: SignInReason) => void): ApolloClient {
  const errors = new ErrorLink(({ error }) => {
    if (!CombinedGraphQLErrors.is(error)) return;
    const unauthenticated = error.errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
    if (unauthenticated)
      onSignInRequired(unauthenticated.extensions?.reason === 'SESSION_EXPIRED' ? 'SESSION_EXPIRED' : 'SIGNED_OUT');
  });
  return new ApolloClient({
    link: ApolloLink.from([errors, mutationToasts, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
    cache: new InMemoryCache({
      possibleTypes: introspection.possibleTypes,
      typePolicies: {
        Query: {
          fields: {
            catalogProducts: appendPages(['filter'], 'edges'),
            staffUsers: appendPages(['search', 'sortBy', 'direction'], 'nodes'),
            auditEntries: appendPages(['filter', 'direction'], 'nodes'),
            resellers: appendPages(['search', 'status', 'sortBy', 'direction'], 'nodes'),
            customers: appendPages(['resellerId', 'search', 'segment', 'sortBy', 'direction'], 'nodes'),
            orders: appendPages(
              ['resellerId', 'customerId', 'status', 'from', 'to', 'search', 'sortBy', 'direction'],
              'nodes',
            ),
            termsRequests: appendPages(['resellerId', 'statuses', 'search', 'sortBy', 'direction'], 'nodes'),
            supportCases: appendPages(['resellerId', 'statuses', 'type', 'search', 'sortBy', 'direction'], 'nodes'),
            priceListImports: appendPages([], 'nodes'),
          },
        },
        // Prices, SKUs and products are shown per segment and market; cache them inside their parent.
        Product: { keyFields: false },
        Sku: { keyFields: false },
        Price: { keyFields: false },
      },
    }),
  });
}
