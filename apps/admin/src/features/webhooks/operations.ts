import { graphql } from '../../gql';

export const WEBHOOK_ENDPOINTS = graphql(`
  query WebhookEndpoints($resellerId: ID) {
    webhookEndpoints(resellerId: $resellerId) {
      id
      url
      events
      description
      createdAt
      createdBy
    }
  }
`);

export const WEBHOOK_DELIVERIES = graphql(`
  query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: Cursor) {
    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
      nodes {
        id
        eventType
        status
        attempts
        lastStatusCode
        lastResponse
        lastAttemptAt
        deliveredAt
        replayOf
        payload
        createdAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CREATE_WEBHOOK_ENDPOINT = graphql(`
  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename
      ... on WebhookEndpointCreated {
        secret
        endpoint {
          id
          url
        }
      }
      ...FieldProblems
      ... on BusinessError {
        message
      }
    }
  }
`);

export const REMOVE_WEBHOOK_ENDPOINT = graphql(`
  mutation RemoveWebhookEndpoint($id: ID!) {
    removeWebhookEndpoint(id: $id) {
      __typename
      ... on BusinessError {
        message
      }
    }
  }
`);

export const SEND_TEST_WEBHOOK = graphql(`
  mutation SendTestWebhook($endpointId: ID!) {
    sendTestWebhook(endpointId: $endpointId) {
      __typename
      ... on BusinessError {
        message
      }
    }
  }
`);

export const REPLAY_WEBHOOK_DELIVERY = graphql(`
  mutation ReplayWebhookDelivery($id: ID!) {
    replayWebhookDelivery(id: $id) {
      __typename
      ... on BusinessError {
        message
      }
    }
  }
`);
