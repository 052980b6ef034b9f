import { graphql } from '../../gql';

export const DASHBOARD = graphql(`
  query Dashboard($currency: Code, $resellerId: ID) {
    dashboard(currency: $currency, resellerId: $resellerId) {
      __typename
      ... on BusinessError {
        message
      }
      ... on Dashboard {
        currency
        months
        bySegment {
          month
          key
          revenue {
            amountMinor
          }
          margin {
            amountMinor
          }
        }
        byFamily {
          month
          key
          revenue {
            amountMinor
          }
          margin {
            amountMinor
          }
        }
        byKind {
          month
          key
          revenue {
            amountMinor
          }
          margin {
            amountMinor
          }
        }
        renewalsDue {
          weekStart
          subscriptions
          value {
            amountMinor
          }
        }
        returns {
          month
          seats
          returned
        }
        endCustomers {
          month
          paid {
            amountMinor
          }
          sales {
            amountMinor
          }
          margin {
            amountMinor
          }
        }
        terms {
          answered
          inside
          open
          overdue
        }
        topResellers {
          resellerId
          name
          revenue {
            amountMinor
          }
          margin {
            amountMinor
          }
        }
      }
    }
  }
`);
