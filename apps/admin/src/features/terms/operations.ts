import { graphql } from '../../gql';

export const TERMS_QUEUE = graphql(`
  query TermsQueue(
    $statuses: [Code!]
    $search: ShortText
    $resellerId: ID
    $sortBy: TermsRequestSort
    $direction: SortDirection
    $first: Int!
    $after: Cursor
  ) {
    termsRequests(
      statuses: $statuses
      search: $search
      resellerId: $resellerId
      sortBy: $sortBy
      direction: $direction
      first: $first
      after: $after
    ) {
      nodes {
        id
        companyName
        marketplaceId
        status
        sla
        ageHours
        submittedAt
        assigneeEmail
        requestedLimit {
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

export const TERMS_REQUEST = graphql(`
  query TermsRequest($id: ID!) {
    termsRequest(id: $id) {
      id
      resellerId
      status
      marketplaceId
      bcn
      companyName
      submittedAt
      sla
      ageHours
      dueAt
      assigneeEmail
      requestedLimit {
        amountMinor
        currency
        formatted
      }
      paymentTerms
      effectiveFrom
      decisionReason
      decidedAt
      decidedByEmail
      version
      creditLimit {
        formatted
      }
      address {
        line1
        line2
        city
        region
        postalCode
        country
      }
      contact {
        name
        email
        phone
      }
      notes {
        at
        authorEmail
        kind
        text
      }
    }
  }
`);

export const DECIDE = graphql(`
  mutation DecideTermsRequest($id: ID!, $version: Int!, $event: Code!, $comment: FreeText) {
    decideTermsRequest(id: $id, version: $version, event: $event, comment: $comment) {
      __typename
      ...FieldProblems
      ...Refusal
    }
  }
`);

export const APPROVE = graphql(`
  mutation ApproveTermsRequest($id: ID!, $version: Int!, $input: TermsApprovalInput!) {
    approveTermsRequest(id: $id, version: $version, input: $input) {
      __typename
      ...FieldProblems
      ...Refusal
    }
  }
`);

export const COMMENT = graphql(`
  mutation CommentTermsRequest($id: ID!, $text: FreeText!) {
    commentTermsRequest(id: $id, text: $text) {
      __typename
      ... on BusinessError {
        message
      }
    }
  }
`);

export const SUBMIT_TERMS = graphql(`
  mutation SubmitTermsRequest($resellerId: ID!, $input: TermsRequestInput!) {
    submitTermsRequest(resellerId: $resellerId, input: $input) {
      __typename
      ... on TermsRequestSaved {
        request {
          id
          requestedLimit {
            formatted
          }
        }
      }
      ...FieldProblems
      ...Refusal
    }
  }
`);

/** A reseller's credit line at a glance: limit, used, available, payment terms. */
export const CREDIT_FIGURES = graphql(`
  fragment CreditFigures on CreditStanding {
    paymentTerms
    limit {
      formatted
    }
    used {
      formatted
    }
    available {
      formatted
    }
  }
`);

export const RESELLER_CREDIT = graphql(`
  query ResellerCredit($resellerId: ID!) {
    resellerCredit(resellerId: $resellerId) {
      ...CreditFigures
      ledger {
        at
        kind
        note
        amount {
          formatted
        }
      }
    }
    termsRequests(resellerId: $resellerId, first: 5) {
      nodes {
        id
        status
        submittedAt
        decisionReason
        requestedLimit {
          formatted
        }
      }
    }
  }
`);

export const RESELLER_STANDING = graphql(`
  query ResellerStanding($resellerId: ID!) {
    resellerCredit(resellerId: $resellerId) {
      ...CreditFigures
    }
    orders(resellerId: $resellerId, first: 5) {
      nodes {
        id
        soNumber
        status
        placedAt
        paymentMethod
        total {
          formatted
        }
      }
    }
  }
`);
