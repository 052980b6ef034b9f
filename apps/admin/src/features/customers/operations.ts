import { graphql } from '../../gql';

export const CUSTOMERS = graphql(`
  query Customers(
    $resellerId: ID
    $search: ShortText
    $segment: CustomerSegment
    $sortBy: CustomerSort
    $direction: SortDirection
    $first: Int!
    $after: Cursor
  ) {
    customers(
      resellerId: $resellerId
      search: $search
      segment: $segment
      sortBy: $sortBy
      direction: $direction
      first: $first
      after: $after
    ) {
      nodes {
        id
        resellerName
        resellerId
        companyName
        segment
        portalLogin
        adminContact {
          name
          email
        }
        tenant {
          domain
          state
          attestedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CUSTOMER = graphql(`
  query Customer($id: ID!) {
    customer(id: $id) {
      id
      resellerId
      segment
      companyName
      vendorContractId
      portalLogin
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
      adminContact {
        name
        email
        phone
      }
      tenant {
        choice
        domain
        state
        tenantId
        adminUser
        attestedAt
        attestedByEmail
      }
    }
    tenantChoices(customerId: $id) {
      recommended
      explanation
      createNew {
        allowed
        code
        message
        fix {
          label
          href
        }
      }
    }
  }
`);

export const CREATE_CUSTOMER = graphql(`
  mutation CreateCustomer($resellerId: ID!, $input: CustomerInput!) {
    createCustomer(resellerId: $resellerId, input: $input) {
      __typename
      ... on CustomerSaved {
        customer {
          id
        }
      }
      ...FieldProblems
      ... on BusinessError {
        message
      }
    }
  }
`);

export const UPDATE_CUSTOMER = graphql(`
  mutation UpdateCustomer($id: ID!, $version: Int!, $input: CustomerInput!) {
    updateCustomer(id: $id, version: $version, input: $input) {
      __typename
      ...FieldProblems
      ... on BusinessError {
        message
      }
    }
  }
`);

export const REVEAL_PORTAL_PASSWORD = graphql(`
  mutation RevealPortalPassword($customerId: ID!) {
    revealPortalPassword(customerId: $customerId) {
      user
      value
    }
  }
`);

export const REVEAL_TENANT_PASSWORD = graphql(`
  mutation RevealTenantAdminPassword($customerId: ID!) {
    revealTenantAdminPassword(customerId: $customerId) {
      user
      value
    }
  }
`);

export const CHOOSE_NEW_TENANT = graphql(`
  mutation ChooseNewTenant($customerId: ID!, $domain: Code!) {
    chooseNewTenant(customerId: $customerId, domain: $domain) {
      __typename
      ... on TenantRefused {
        code
        message
        suggestions
        fix {
          label
          href
        }
      }
    }
  }
`);

export const CHOOSE_EXISTING_TENANT = graphql(`
  mutation ChooseExistingTenant($customerId: ID!, $domain: Code!) {
    chooseExistingTenant(customerId: $customerId, domain: $domain) {
      __typename
      ... on TenantRefused {
        code
        message
        suggestions
        fix {
          label
          href
        }
      }
    }
  }
`);

export const SIGN_ATTESTATION = graphql(`
  mutation SignAttestation($customerId: ID!) {
    signAttestation(customerId: $customerId) {
      __typename
      ... on TenantRefused {
        message
      }
    }
  }
`);

export const CREATE_TENANT_NOW = graphql(`
  mutation CreateCustomerTenant($customerId: ID!) {
    createCustomerTenant(customerId: $customerId) {
      __typename
      ... on TenantRefused {
        message
      }
    }
  }
`);

export const RESELLER_OPTIONS = graphql(`
  query ResellerOptions($search: ShortText) {
    resellers(search: $search, first: 20) {
      nodes {
        id
        companyName
        marketplaceId
      }
    }
  }
`);

export const RESELLER_OPTION = graphql(`
  query ResellerOption($id: ID!) {
    reseller(id: $id) {
      id
      companyName
      marketplaceId
    }
  }
`);

export const REGENERATE_PORTAL_PASSWORD = graphql(`
  mutation RegeneratePortalPassword($customerId: ID!) {
    regeneratePortalPassword(customerId: $customerId)
  }
`);
