import { graphql } from '../../gql';

export const ME = graphql(`
  query Me {
    me {
      id
      email
      displayName
      kind
      roles
      permissions
      resellerId
    }
  }
`);

export const SIGN_IN = graphql(`
  mutation SignIn($email: EmailText!, $password: Password!) {
    signIn(email: $email, password: $password) {
      __typename
      ... on SignedIn {
        me {
          id
          email
          displayName
          kind
          roles
          permissions
          resellerId
        }
      }
      ... on SignInFailed {
        code
        message
        retryAfterSeconds
      }
    }
  }
`);

export const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($currentPassword: Password!, $newPassword: Password!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ... on BusinessError {
        code
        message
        fix {
          field
          label
        }
      }
    }
  }
`);

export const RESET_PASSWORD = graphql(`
  mutation ResetPassword($token: Code!, $newPassword: Password!) {
    resetPassword(token: $token, newPassword: $newPassword) {
      __typename
      ... on BusinessError {
        code
        message
        fix {
          field
          label
        }
      }
    }
  }
`);
