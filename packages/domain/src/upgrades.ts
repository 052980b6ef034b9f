// S13: Microsoft's upgrade paths, by the products' and SKUs' titles in the price list: up a ladder of products
// (the variant kept: "(no Teams)" upgrades to "(no Teams)"), or up a plan within a product. There are no
// downgrades, and what no ladder names has no upgrade.
export const PRODUCT_LADDERS: readonly (readonly string[])[] = [
  ['Microsoft 365 Business Basic', 'Microsoft 365 Business Standard', 'Microsoft 365 Business Premium'],
  ['Office 365 E1', 'Office 365 E3', 'Office 365 E5'],
  ['Microsoft 365 F3', 'Microsoft 365 E3', 'Microsoft 365 E5'],
  ['Microsoft 365 Apps for business', 'Microsoft 365 Business Standard'],
];

/** Plans within one product, lowest first. */
const PLAN_LADDERS: readonly (readonly string[])[] = [
  ['(Plan 1)', '(Plan 2)'],
  ['Plan 1', 'Plan 2'],
  ['P1', 'P2'],
];

export interface CatalogItem {
  productId: string;
  productTitle: string;
  skuTitle: string;
}

/** What a SKU adds to its product's title ("(no Teams)", "EEA (no Teams)", or nothing). */
const variantOf = (item: CatalogItem) =>
  item.skuTitle.startsWith(item.productTitle) ? item.skuTitle.slice(item.productTitle.length).trim() : item.skuTitle;

const higher = (ladder: readonly string[], from: string, to: string) => {
  const a = ladder.indexOf(from);
  const b = ladder.indexOf(to);
  return a >= 0 && b > a;
};

/** S13: whether `to` is an upgrade of `from` along one of Microsoft's paths. */
export function isUpgrade(from: CatalogItem, to: CatalogItem): boolean {
  if (from.productId === to.productId) {
    const fromVariant = variantOf(from);
    const toVariant = variantOf(to);
    return PLAN_LADDERS.some((ladder) => higher(ladder, fromVariant, toVariant));
  }
  return (
    variantOf(from) === variantOf(to) &&
    PRODUCT_LADDERS.some((ladder) => higher(ladder, from.productTitle, to.productTitle))
  );
}

/** The product titles an item may upgrade to in another product (to look them up in the catalog). */
export function upgradeProductTitles(from: CatalogItem): string[] {
  return [
    ...new Set(
      PRODUCT_LADDERS.flatMap((ladder) => {
        const at = ladder.indexOf(from.productTitle);
        return at >= 0 ? ladder.slice(at + 1) : [];
      }),
    ),
  ];
}
