import {
  BILLING_PLANS,
  CUSTOMER_SEGMENTS,
  TERMS,
  type BillingPlan,
  type CustomerSegment,
  type Term,
} from '@nce/domain';

/** The catalog's filter lives in the URL, so a product page's "back" and a shared link keep it. */
export interface CatalogView {
  segment: CustomerSegment;
  market: string | null;
  search: string;
  terms: Term[];
  billingPlans: BillingPlan[];
  kind: 'SUBSCRIPTION' | 'PERPETUAL' | null;
}

const pick = <T extends string>(values: readonly T[], raw: string | null): T[] =>
  (raw ?? '').split(',').filter((v): v is T => (values as readonly string[]).includes(v));

export function readCatalogView(params: URLSearchParams): CatalogView {
  const segment = params.get('segment')?.toUpperCase() ?? 'COMMERCIAL';
  const kind = params.get('kind');
  return {
    segment: (CUSTOMER_SEGMENTS as readonly string[]).includes(segment) ? (segment as CustomerSegment) : 'COMMERCIAL',
    market: params.get('market'),
    search: params.get('q') ?? '',
    terms: pick(TERMS, params.get('terms')),
    billingPlans: pick(BILLING_PLANS, params.get('plans')),
    kind: kind === 'SUBSCRIPTION' || kind === 'PERPETUAL' ? kind : null,
  };
}

export function writeCatalogView(view: CatalogView): URLSearchParams {
  const params = new URLSearchParams({ segment: view.segment });
  if (view.market) params.set('market', view.market);
  if (view.search) params.set('q', view.search);
  if (view.terms.length) params.set('terms', view.terms.join(','));
  if (view.billingPlans.length) params.set('plans', view.billingPlans.join(','));
  if (view.kind) params.set('kind', view.kind);
  return params;
}

export const toFilterInput = (view: CatalogView) => ({
  segment: view.segment,
  market: view.market,
  search: view.search || null,
  terms: view.terms.length ? view.terms : null,
  billingPlans: view.billingPlans.length ? view.billingPlans : null,
  kind: view.kind,
});
