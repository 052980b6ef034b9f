import { graphql } from '../../gql';

export const SUPPORT_QUEUE = graphql(`
  query SupportQueue(
    $resellerId: ID
    $statuses: [Code!]
    $type: Code
    $search: ShortText
    $sortBy: SupportCaseSort
    $direction: SortDirection
    $first: Int!
    $after: Cursor
  ) {
    supportCases(
      resellerId: $resellerId
      statuses: $statuses
      type: $type
      search: $search
      sortBy: $sortBy
      direction: $direction
      first: $first
      after: $after
    ) {
      nodes {
        id
        resellerName
        customerName
        number
        subject
        type
        priority
        status
        ageHours
        assigneeEmail
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SUPPORT_CASE = graphql(`
  query SupportCase($id: ID!) {
    supportCase(id: $id) {
      id
      number
      resellerId
      customerId
      orderId
      type
      priority
      status
      subject
      assigneeEmail
      openedByEmail
      openedAt
      ageHours
      version
      comments {
        at
        authorEmail
        kind
        text
      }
    }
  }
`);

export const UPDATE_CASE = graphql(`
  mutation UpdateSupportCase($id: ID!, $version: Int!, $status: Code, $priority: Code, $assignToMe: Boolean) {
    updateSupportCase(id: $id, version: $version, status: $status, priority: $priority, assignToMe: $assignToMe) {
      __typename
      ...FieldProblems
      ...Refusal
    }
  }
`);

export const COMMENT_CASE = graphql(`
  mutation CommentSupportCase($id: ID!, $text: FreeText!) {
    commentSupportCase(id: $id, text: $text) {
      __typename
      ... on BusinessError {
        message
      }
    }
  }
`);

export const OPEN_CASE = graphql(`
  mutation OpenSupportCase($resellerId: ID!, $input: NewCaseInput!) {
    openSupportCase(resellerId: $resellerId, input: $input) {
      __typename
      ... on CaseSaved {
        supportCase {
          id
          number
        }
      }
      ...FieldProblems
    }
  }
`);

export const RETURN_OPTIONS = graphql(`
  query ReturnOptions($orderId: ID!, $quantities: [ReturnQuantityInput!]) {
    returnOptions(orderId: $orderId, quantities: $quantities) {
      refundQuantity
      orderLineId
      lineNumber
      skuTitle
      quantity
      returnedQuantity
      allowed
      code
      message
      windowClosesAt
      refund {
        formatted
      }
    }
  }
`);

export const RETURN_LINE = graphql(`
  mutation ReturnOrderLine($orderLineId: ID!, $quantity: Int!, $idempotencyKey: Code!, $caseId: ID) {
    returnOrderLine(orderLineId: $orderLineId, quantity: $quantity, idempotencyKey: $idempotencyKey, caseId: $caseId) {
      __typename
      ... on ReturnDone {
        creditNote {
          number
          amount {
            formatted
          }
          refundMethod
        }
      }
      ... on ReturnRefused {
        code
        message
        windowClosedAt
      }
    }
  }
`);

export const INVOICE = graphql(`
  query Invoice($orderId: ID!) {
    invoice(orderId: $orderId) {
      number
      issuedAt
      billTo
      paymentMethod
      poNumber
      taxRateBasisPoints
      pdfUrl
      lines {
        description
        quantity
        returnedQuantity
        unitPrice {
          formatted
        }
        total {
          formatted
        }
      }
      subtotal {
        formatted
      }
      tax {
        formatted
      }
      total {
        formatted
      }
      refunded {
        formatted
      }
      netTotal {
        formatted
      }
      creditNotes {
        number
        issuedAt
        description
        amount {
          formatted
        }
        refundMethod
        pdfUrl
      }
    }
  }
`);

export const RESEND_INVOICE = graphql(`
  mutation ResendInvoice($orderId: ID!) {
    resendInvoice(orderId: $orderId)
  }
`);

export const SEND_RESET = graphql(`
  mutation SendPasswordReset($email: EmailText!) {
    sendPasswordReset(email: $email) {
      message
    }
  }
`);

export const UNLOCK = graphql(`
  mutation UnlockSignIn($email: EmailText!) {
    unlockSignIn(email: $email) {
      __typename
      ... on SignInUnlocked {
        cleared
      }
      ... on OperationRefused {
        code
        message
      }
    }
  }
`);

export const LOGIN_OWNER = graphql(`
  query PortalLoginOwner($login: Code!) {
    portalLoginOwner(login: $login) {
      customer {
        id
        companyName
      }
      reseller {
        id
        companyName
      }
    }
  }
`);
