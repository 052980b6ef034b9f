import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** Appends a page of a cursor connection to the one already cached for the same arguments. */
function appendPages(keyArgs: string[]) {
  return {
    keyArgs,
    merge(existing: { edges: unknown[] } | undefined, incoming: { edges: unknown[] }, { args }: { args: Record<string, unknown> | null }) {
      if (!existing || !args?.after) return incoming;
      return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
    },
  };
}

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache({
      typePolicies: {
        Query: { fields: { catalogProducts: appendPages(['filter']) } },
        // Prices, SKUs and products are shown per segment and market; cache them inside their parent.
        Product: { keyFields: false },
        Sku: { keyFields: false },
        Price: { keyFields: false },
      },
    }),
  });
}
