import { graphql } from '../../gql';

export const SIMULATOR = graphql(`
  query Simulator {
    simPartners {
      mpnId
      companyName
      kind
      cspIndirectReseller
      relationshipWithDistributor
      tenantDomain
    }
    simTenants {
      domain
      companyName
      government
      relationshipAccepted
      indirectResellers
      createdByMarketplace
      provisioningFails
      subscriptionChanges
    }
    distributorLinks {
      customerAuthorisation
    }
  }
`);

export const SAVE_SIM_PARTNER = graphql(`
  mutation SaveSimPartner($input: SimPartnerInput!) {
    saveSimPartner(input: $input) {
      __typename
      ...FieldProblems
    }
  }
`);

export const SAVE_SIM_TENANT = graphql(`
  mutation SaveSimTenant($input: SimTenantInput!) {
    saveSimTenant(input: $input) {
      __typename
      ...FieldProblems
    }
  }
`);

export const ACCEPT_RELATIONSHIP = graphql(`
  mutation AcceptTenantRelationship($domain: Code!, $indirectReseller: Code) {
    acceptTenantRelationship(domain: $domain, indirectReseller: $indirectReseller) {
      __typename
    }
  }
`);
