import { graphql } from '../../gql';

export const CART = graphql(`
  query Cart($resellerId: ID!) {
    cart(resellerId: $resellerId) {
      id
      customerId
      priceSegment
      version
      total {
        amountMinor
        formatted
      }
      lines {
        id
        productTitle
        skuTitle
        term
        billingPlan
        quantity
        maxQuantity
        unitPrice {
          amountMinor
          formatted
        }
        currentUnitPrice {
          amountMinor
          formatted
        }
        lineTotal {
          formatted
        }
        trial
        endWith
        endWithSubscriptionId
        termEnd
        endDateProblem
        promotionName
        priceRule
      }
    }
  }
`);

export const LINE_END_OPTIONS = graphql(`
  query CartLineEndOptions($resellerId: ID!, $lineId: ID!) {
    cartLineEndOptions(resellerId: $resellerId, lineId: $lineId) {
      kind
      subscriptionId
      label
      termEnd
      problem
      lineTotal {
        formatted
      }
    }
  }
`);

export const SET_LINE_END = graphql(`
  mutation SetCartLineEnd($resellerId: ID!, $lineId: ID!, $endWith: LineEnd!, $subscriptionId: ID) {
    setCartLineEnd(resellerId: $resellerId, lineId: $lineId, endWith: $endWith, subscriptionId: $subscriptionId) {
      __typename
      ... on CartRefused {
        message
      }
    }
  }
`);

export const READINESS = graphql(`
  query PurchaseReadiness($resellerId: ID!, $paymentMethod: Code) {
    purchaseReadiness(resellerId: $resellerId, paymentMethod: $paymentMethod) {
      ready
      paymentMethod
      total {
        formatted
      }
      checklist {
        step
        label
        done
      }
      unmet {
        step
        code
        message
        fix {
          kind
          label
          href
          field
        }
      }
    }
  }
`);

export const ADD_TO_CART = graphql(`
  mutation AddToCart($resellerId: ID!, $priceId: Int!) {
    addToCart(resellerId: $resellerId, priceId: $priceId) {
      __typename
      ... on CartRefused {
        message
      }
    }
  }
`);

export const SET_QUANTITY = graphql(`
  mutation SetCartQuantity($resellerId: ID!, $lineId: ID!, $quantity: Int!) {
    setCartQuantity(resellerId: $resellerId, lineId: $lineId, quantity: $quantity) {
      __typename
      ... on CartRefused {
        message
      }
    }
  }
`);

export const REMOVE_LINE = graphql(`
  mutation RemoveCartLine($resellerId: ID!, $lineId: ID!) {
    removeCartLine(resellerId: $resellerId, lineId: $lineId) {
      __typename
      ... on CartRefused {
        message
      }
    }
  }
`);

export const BIND_CUSTOMER = graphql(`
  mutation BindCartCustomer($resellerId: ID!, $customerId: ID!) {
    bindCartCustomer(resellerId: $resellerId, customerId: $customerId) {
      __typename
      ... on CartRefused {
        message
      }
    }
  }
`);

export const BUY = graphql(`
  mutation Buy($resellerId: ID!, $input: BuyInput!) {
    buy(resellerId: $resellerId, input: $input) {
      __typename
      ... on OrderPlaced {
        replayed
        order {
          id
          soNumber
          total {
            formatted
          }
        }
      }
      ... on PurchaseNotReady {
        message
        unmet {
          code
          message
        }
      }
      ... on PricesChanged {
        message
        changes {
          title
          before {
            formatted
          }
          after {
            formatted
          }
        }
      }
      ... on BuyRefused {
        code
        message
      }
    }
  }
`);

export const ORDERS = graphql(`
  query Orders(
    $resellerId: ID
    $status: Code
    $search: ShortText
    $from: Code
    $to: Code
    $sortBy: OrderSort
    $direction: SortDirection
    $first: Int!
    $after: Cursor
  ) {
    orders(
      resellerId: $resellerId
      status: $status
      search: $search
      from: $from
      to: $to
      sortBy: $sortBy
      direction: $direction
      first: $first
      after: $after
    ) {
      nodes {
        id
        soNumber
        resellerName
        customerName
        status
        placedAt
        total {
          formatted
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ORDER = graphql(`
  query Order($id: ID!) {
    order(id: $id) {
      id
      soNumber
      resellerId
      resellerName
      customerName
      customerId
      status
      paymentMethod
      poNumber
      tenantDomain
      placedAt
      provisionedAt
      failureReason
      total {
        formatted
      }
      lines {
        lineNumber
        productTitle
        skuTitle
        term
        billingPlan
        quantity
        unitPrice {
          formatted
        }
        lineTotal {
          formatted
        }
        subscriptionId
        status
      }
      events {
        at
        state
        message
      }
      emails {
        id
        to
        subject
        body
        status
        createdAt
      }
    }
  }
`);

export const RETRY_ORDER = graphql(`
  mutation RetryOrderProvisioning($orderId: ID!) {
    retryOrderProvisioning(orderId: $orderId) {
      message
    }
  }
`);
