/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CatalogProducts($filter: CatalogFilterInput!, $first: Int!, $after: String) {\n    catalogProducts(filter: $filter, first: $first, after: $after) {\n      priceSegment\n      market\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          title\n          publisher\n          kind\n          skus {\n            id\n            skuId\n            title\n            prices {\n              term\n              billingPlan\n              unitPrice {\n                amountMinor\n                currency\n                formatted\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CatalogProductsDocument,
    "\n  query CatalogMarkets {\n    catalogMarkets {\n      market\n      currency\n    }\n  }\n": typeof types.CatalogMarketsDocument,
    "\n  query CatalogProduct($id: String!, $filter: CatalogFilterInput!) {\n    catalogProduct(id: $id, filter: $filter) {\n      id\n      title\n      publisher\n      description\n      kind\n      skus {\n        id\n        skuId\n        title\n        description\n        unitOfMeasure\n        prices {\n          id\n          segment\n          market\n          term\n          billingPlan\n          tierMin\n          tierMax\n          effectiveStart\n          effectiveEnd\n          changeIndicator\n          unitPrice {\n            formatted\n          }\n          erpPrice {\n            formatted\n          }\n        }\n      }\n    }\n  }\n": typeof types.CatalogProductDocument,
};
const documents: Documents = {
    "\n  query CatalogProducts($filter: CatalogFilterInput!, $first: Int!, $after: String) {\n    catalogProducts(filter: $filter, first: $first, after: $after) {\n      priceSegment\n      market\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          title\n          publisher\n          kind\n          skus {\n            id\n            skuId\n            title\n            prices {\n              term\n              billingPlan\n              unitPrice {\n                amountMinor\n                currency\n                formatted\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CatalogProductsDocument,
    "\n  query CatalogMarkets {\n    catalogMarkets {\n      market\n      currency\n    }\n  }\n": types.CatalogMarketsDocument,
    "\n  query CatalogProduct($id: String!, $filter: CatalogFilterInput!) {\n    catalogProduct(id: $id, filter: $filter) {\n      id\n      title\n      publisher\n      description\n      kind\n      skus {\n        id\n        skuId\n        title\n        description\n        unitOfMeasure\n        prices {\n          id\n          segment\n          market\n          term\n          billingPlan\n          tierMin\n          tierMax\n          effectiveStart\n          effectiveEnd\n          changeIndicator\n          unitPrice {\n            formatted\n          }\n          erpPrice {\n            formatted\n          }\n        }\n      }\n    }\n  }\n": types.CatalogProductDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogProducts($filter: CatalogFilterInput!, $first: Int!, $after: String) {\n    catalogProducts(filter: $filter, first: $first, after: $after) {\n      priceSegment\n      market\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          title\n          publisher\n          kind\n          skus {\n            id\n            skuId\n            title\n            prices {\n              term\n              billingPlan\n              unitPrice {\n                amountMinor\n                currency\n                formatted\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CatalogProducts($filter: CatalogFilterInput!, $first: Int!, $after: String) {\n    catalogProducts(filter: $filter, first: $first, after: $after) {\n      priceSegment\n      market\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          title\n          publisher\n          kind\n          skus {\n            id\n            skuId\n            title\n            prices {\n              term\n              billingPlan\n              unitPrice {\n                amountMinor\n                currency\n                formatted\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogMarkets {\n    catalogMarkets {\n      market\n      currency\n    }\n  }\n"): (typeof documents)["\n  query CatalogMarkets {\n    catalogMarkets {\n      market\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogProduct($id: String!, $filter: CatalogFilterInput!) {\n    catalogProduct(id: $id, filter: $filter) {\n      id\n      title\n      publisher\n      description\n      kind\n      skus {\n        id\n        skuId\n        title\n        description\n        unitOfMeasure\n        prices {\n          id\n          segment\n          market\n          term\n          billingPlan\n          tierMin\n          tierMax\n          effectiveStart\n          effectiveEnd\n          changeIndicator\n          unitPrice {\n            formatted\n          }\n          erpPrice {\n            formatted\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CatalogProduct($id: String!, $filter: CatalogFilterInput!) {\n    catalogProduct(id: $id, filter: $filter) {\n      id\n      title\n      publisher\n      description\n      kind\n      skus {\n        id\n        skuId\n        title\n        description\n        unitOfMeasure\n        prices {\n          id\n          segment\n          market\n          term\n          billingPlan\n          tierMin\n          tierMax\n          effectiveStart\n          effectiveEnd\n          changeIndicator\n          unitPrice {\n            formatted\n          }\n          erpPrice {\n            formatted\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;