import { graphql } from '../../gql';

export const STAFF_USERS = graphql(`
  query StaffUsers($search: ShortText, $sortBy: UserSort, $direction: SortDirection, $first: Int!, $after: Cursor) {
    staffUsers(search: $search, sortBy: $sortBy, direction: $direction, first: $first, after: $after) {
      nodes {
        id
        email
        displayName
        roles
        active
        createdAt
        version
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CREATE_STAFF_USER = graphql(`
  mutation CreateStaffUser($input: NewStaffUserInput!) {
    createStaffUser(input: $input) {
      __typename
      ... on UserCreated {
        resetUrl
        user {
          id
          email
        }
      }
      ...FieldProblems
      ... on BusinessError {
        code
        message
        fix {
          field
        }
      }
    }
  }
`);

export const UPDATE_STAFF_USER = graphql(`
  mutation UpdateStaffUser($input: StaffUserChangeInput!) {
    updateStaffUser(input: $input) {
      __typename
      ... on StaffUserUpdated {
        user {
          id
          displayName
          roles
          active
          version
        }
      }
      ...FieldProblems
      ...Refusal
    }
  }
`);

export const CREATE_PASSWORD_RESET = graphql(`
  mutation CreatePasswordReset($userId: ID!) {
    createPasswordReset(userId: $userId) {
      __typename
      ... on PasswordResetCreated {
        resetUrl
        expiresAt
      }
      ... on BusinessError {
        message
      }
    }
  }
`);

export const UNLOCK_ADDRESS = graphql(`
  mutation UnlockSignInAddress($address: Code!) {
    unlockSignInAddress(address: $address) {
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
