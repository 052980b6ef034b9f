import { graphql } from '../../gql';

export const PARTNER_CENTER_CONNECTION = graphql(`
  query PartnerCenterConnection {
    partnerCenterConnection {
      mode
      baseUrl
      tenant
      appId
      tokenRotatedAt
    }
  }
`);

export const TEST_PARTNER_CENTER_CONNECTION = graphql(`
  mutation TestPartnerCenterConnection {
    testPartnerCenterConnection {
      ok
      message
      milliseconds
    }
  }
`);
