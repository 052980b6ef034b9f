import { graphql } from '../../gql';

export const RESELLERS = graphql(`
  query Resellers(
    $search: ShortText
    $status: ResellerStatus
    $sortBy: ResellerSort
    $direction: SortDirection
    $first: Int!
    $after: Cursor
  ) {
    resellers(search: $search, status: $status, sortBy: $sortBy, direction: $direction, first: $first, after: $after) {
      nodes {
        id
        companyName
        marketplaceId
        bcn
        status
        paymentMethod
        createdAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const RESELLER = graphql(`
  query Reseller($id: ID!) {
    reseller(id: $id) {
      id
      companyName
      marketplaceId
      bcn
      status
      paymentMethod
      mpnLocationId
      resellerDomain
      checksAt
      createdAt
      version
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
      checks {
        code
        label
        status
        reason
        fix {
          kind
          label
          href
          field
        }
      }
      activation {
        status
        requestedAt
        completesAfter
        completedAt
      }
      users {
        id
        email
        displayName
        active
      }
    }
  }
`);

export const CREATE_RESELLER = graphql(`
  mutation CreateReseller($input: ResellerInput!) {
    createReseller(input: $input) {
      __typename
      ... on ResellerSaved {
        reseller {
          id
        }
      }
      ...FieldProblems
      ...Refusal
    }
  }
`);

export const UPDATE_RESELLER = graphql(`
  mutation UpdateReseller($id: ID!, $version: Int!, $input: ResellerInput!) {
    updateReseller(id: $id, version: $version, input: $input) {
      __typename
      ... on ResellerSaved {
        reseller {
          id
          version
        }
      }
      ...FieldProblems
      ...Refusal
    }
  }
`);

export const SET_RESELLER_STATUS = graphql(`
  mutation SetResellerStatus($id: ID!, $version: Int!, $status: ResellerStatus!) {
    setResellerStatus(id: $id, version: $version, status: $status) {
      __typename
      ... on ValidationFailed {
        fields {
          message
        }
      }
      ... on BusinessError {
        message
      }
    }
  }
`);

export const SET_IDENTIFIERS = graphql(`
  mutation SetResellerIdentifiers($resellerId: ID!, $mpnLocationId: Code!, $resellerDomain: Code!) {
    setResellerIdentifiers(resellerId: $resellerId, mpnLocationId: $mpnLocationId, resellerDomain: $resellerDomain) {
      __typename
      ...FieldProblems
      ...Refusal
    }
  }
`);

export const RUN_CHECKS = graphql(`
  mutation RunResellerChecks($resellerId: ID!) {
    runResellerChecks(resellerId: $resellerId) {
      checkedAt
    }
  }
`);

export const CREATE_RESELLER_USER = graphql(`
  mutation CreateResellerUser($resellerId: ID!, $email: EmailText!, $displayName: ShortText!) {
    createResellerUser(resellerId: $resellerId, email: $email, displayName: $displayName) {
      __typename
      ... on UserCreated {
        resetUrl
      }
      ...FieldProblems
      ... on BusinessError {
        message
        fix {
          field
        }
      }
    }
  }
`);

export const RESELLER_HISTORY = graphql(`
  query ResellerHistory($entityId: ShortText!) {
    auditEntries(filter: { entityType: "Reseller", entityId: $entityId }, first: 20) {
      nodes {
        id
        at
        actorEmail
        actorKind
        operation
        changes {
          field
          before
          after
        }
      }
    }
  }
`);
