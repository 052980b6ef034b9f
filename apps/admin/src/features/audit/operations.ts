import { graphql } from '../../gql';

export const AUDIT_ENTRIES = graphql(`
  query AuditEntries($filter: AuditFilterInput, $first: Int!, $after: Cursor) {
    auditEntries(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        at
        actorKind
        actorEmail
        actorRoles
        onBehalfOfResellerId
        operation
        entityType
        entityId
        requestId
        changes {
          field
          before
          after
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
