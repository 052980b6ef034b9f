import { graphql } from '../../gql';

export const PRICE_BOOKS = graphql(`
  query PriceBooks {
    priceBooks {
      id
      name
      master
      resellerCount
      resellerNames
      rules {
        id
        label
        family
        productId
        skuId
        term
        segment
        effectiveFrom
        effectiveTo
        state
        createdBy
      }
    }
  }
`);

export const CREATE_PRICE_BOOK = graphql(`
  mutation CreatePriceBook($name: ShortText!) {
    createPriceBook(name: $name) {
      __typename
      ... on PriceBookSaved {
        book {
          id
          name
        }
      }
      ... on ValidationFailed {
        message
        fields {
          field
          message
        }
      }
      ... on BusinessError {
        message
      }
    }
  }
`);

export const PREVIEW_PRICE_RULE = graphql(`
  query PreviewPriceRule($bookId: ID!, $input: PriceRuleInput!) {
    previewPriceRule(bookId: $bookId, input: $input) {
      __typename
      ... on PriceRulePreviewResult {
        day
        inScope
        moved
        resellerCount
        resellerNames
        totals {
          currency
          cost {
            formatted
          }
          before {
            formatted
          }
          after {
            formatted
          }
          marginBeforePercent
          marginAfterPercent
        }
        examples {
          productId
          skuId
          term
          segment
          before {
            formatted
          }
          after {
            formatted
          }
        }
      }
      ... on ValidationFailed {
        message
        fields {
          field
          message
        }
      }
      ... on BusinessError {
        message
      }
    }
  }
`);

export const ADD_PRICE_RULE = graphql(`
  mutation AddPriceRule($bookId: ID!, $input: PriceRuleInput!) {
    addPriceRule(bookId: $bookId, input: $input) {
      __typename
      ... on PriceRuleSaved {
        rule {
          id
          label
        }
      }
      ... on ValidationFailed {
        message
        fields {
          field
          message
        }
      }
      ... on BusinessError {
        message
      }
    }
  }
`);

export const END_PRICE_RULE = graphql(`
  mutation EndPriceRule($id: ID!) {
    endPriceRule(id: $id) {
      __typename
      ... on PriceRuleSaved {
        rule {
          id
          effectiveTo
        }
      }
      ... on BusinessError {
        message
      }
    }
  }
`);

export const PRICE_BOOK_OF = graphql(`
  query PriceBookOf($level: PriceBookLevel!, $targetId: ID!) {
    priceBookOf(level: $level, targetId: $targetId) {
      own
      book {
        id
        name
      }
    }
  }
`);

export const ASSIGN_PRICE_BOOK = graphql(`
  mutation AssignPriceBook($level: PriceBookLevel!, $targetId: ID!, $bookId: ID) {
    assignPriceBook(level: $level, targetId: $targetId, bookId: $bookId) {
      __typename
      ... on PriceBookSaved {
        book {
          id
          name
        }
      }
      ... on BusinessError {
        message
      }
    }
  }
`);

export const RESELLER_MARKUPS = graphql(`
  query ResellerMarkups($resellerId: ID!) {
    resellerMarkups(resellerId: $resellerId) {
      customerId
      family
      percent
    }
  }
`);

export const SET_RESELLER_MARKUP = graphql(`
  mutation SetResellerMarkup($resellerId: ID!, $input: CustomerMarkupInput!) {
    setResellerMarkup(resellerId: $resellerId, input: $input) {
      __typename
      ... on CustomerMarkupSaved {
        markup {
          customerId
          family
          percent
        }
      }
      ... on ValidationFailed {
        message
        fields {
          field
          message
        }
      }
      ... on BusinessError {
        message
      }
    }
  }
`);
