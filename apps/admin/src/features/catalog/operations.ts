import { graphql } from '../../gql';

export const CATALOG_PRODUCTS = graphql(`
  query CatalogProducts($filter: CatalogFilterInput!, $first: Int!, $after: Cursor, $resellerId: ID, $customerId: ID) {
    catalogProducts(filter: $filter, first: $first, after: $after) {
      priceSegment
      market
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          title
          publisher
          kind
          skus {
            id
            skuId
            title
            prices {
              id
              term
              billingPlan
              trial
              promotion {
                id
                name
                discountPercent
                endDate
                unitPrice {
                  formatted
                }
              }
              unitPrice {
                amountMinor
                currency
                formatted
              }
              yourPrice(resellerId: $resellerId, customerId: $customerId) {
                unitPrice {
                  formatted
                }
                rule
                suggestedPrice {
                  formatted
                }
                markupPercent
              }
            }
          }
        }
      }
    }
  }
`);

export const CATALOG_MARKETS = graphql(`
  query CatalogMarkets {
    catalogMarkets {
      market
      currency
    }
  }
`);

export const CATALOG_PRODUCT = graphql(`
  query CatalogProduct($id: Code!, $filter: CatalogFilterInput!) {
    catalogProduct(id: $id, filter: $filter) {
      id
      title
      publisher
      description
      kind
      skus {
        id
        skuId
        title
        description
        unitOfMeasure
        prices {
          id
          segment
          market
          term
          billingPlan
          tierMin
          tierMax
          effectiveStart
          effectiveEnd
          changeIndicator
          trial
          promotion {
            id
            name
            discountPercent
            endDate
            unitPrice {
              formatted
            }
          }
          unitPrice {
            formatted
          }
          erpPrice {
            formatted
          }
        }
      }
    }
  }
`);
