import { graphql } from '../../gql';

export const AUDIT_ENTRIES = graphql(`
  query AuditEntries($filter: AuditFilterInput, $direction: SortDirection, $first: Int!, $after: Cursor) {
    auditEntries(filter: $filter, direction: $direction, first: $first, after: $after) {
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
        entityName
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
