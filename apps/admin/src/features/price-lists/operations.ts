import { graphql } from '../../gql';

export const PRICE_LIST_IMPORTS = graphql(`
  query PriceListImports($first: Int!, $after: Cursor) {
    priceListImports(first: $first, after: $after) {
      nodes {
        id
        sourceName
        status
        rowsRead
        rowsInserted
        rowsUpdated
        rowsUnchanged
        errorLine
        errorColumn
        errorMessage
        startedAt
        finishedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PRICE_LIST_IMPORT = graphql(`
  query PriceListImport($id: ID!) {
    priceListImport(id: $id) {
      id
      sourceName
      status
      rowsRead
      rowsInserted
      rowsUpdated
      rowsUnchanged
      errorLine
      errorColumn
      errorMessage
      startedAt
      finishedAt
    }
  }
`);

export const IMPORT_PRICE_LIST = graphql(`
  mutation ImportPriceList($uploadId: ID!, $fileName: ShortText) {
    importPriceList(uploadId: $uploadId, fileName: $fileName) {
      __typename
      ... on PriceListImport {
        id
        sourceName
        status
        rowsRead
        rowsInserted
        rowsUpdated
        rowsUnchanged
        errorLine
        errorColumn
        errorMessage
        startedAt
        finishedAt
      }
      ... on UploadNotFound {
        code
        message
      }
    }
  }
`);

export const PRICE_LIST_UPLOADS = graphql(`
  query PriceListUploads {
    priceListUploads {
      files
      bytes
      maxAgeHours
    }
  }
`);

export const PROMOTIONS = graphql(`
  query Promotions($first: Int!, $after: Cursor, $current: Boolean) {
    promotions(first: $first, after: $after, current: $current) {
      nodes {
        id
        name
        productId
        skuId
        term
        billingPlan
        segment
        market
        discountPercent
        startDate
        endDate
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CREATE_PROMOTION = graphql(`
  mutation CreatePromotion($input: PromotionInput!) {
    createPromotion(input: $input) {
      __typename
      ... on PromotionSaved {
        promotion {
          id
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

export const END_PROMOTION = graphql(`
  mutation EndPromotion($id: ID!) {
    endPromotion(id: $id) {
      __typename
      ... on PromotionSaved {
        promotion {
          id
          endDate
        }
      }
      ... on BusinessError {
        message
      }
    }
  }
`);
