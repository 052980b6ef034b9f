import { graphql } from '../gql';

/**
 * What every screen reads of a refused mutation: the fields at fault (shown beside each field) and, for a
 * business refusal, its stable code and message. Spread them into a mutation's result:
 * `... on ValidationFailed { ...FieldProblems } ... on BusinessError { ...Refusal }` reads as
 * `...FieldProblems ...Refusal`.
 */
export const FIELD_PROBLEMS = graphql(`
  fragment FieldProblems on ValidationFailed {
    fields {
      field
      message
    }
  }
`);

export const REFUSAL = graphql(`
  fragment Refusal on BusinessError {
    code
    message
  }
`);
