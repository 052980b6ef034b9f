import { formatMoneyAmount, money } from '@nce/domain';
import type { App } from '../app.js';
import { PAGE_SIZE_MAX } from '../platform/cursor.js';
import type { SortDirection } from '../platform/list-sort.js';
import type { RequestContext } from '../platform/request-context.js';

type Cell = string | number | null;
type FilterType = 'string' | 'number' | 'boolean';

/** A page of a list as its service answers it: rows, whether there are more, and where the next page starts. */
interface Page<R> {
  rows: readonly R[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** The order the list shows on screen (`?sort=&direction=`); lists without a choice of order ignore it. */
export interface ExportSort {
  by: string | null;
  direction: SortDirection | null;
}

/** A list page of the SPA as a CSV file: the filters it takes, how to read a page, and its columns. */
export interface ListExport<R = unknown> {
  filters: Readonly<Record<string, FilterType>>;
  page(
    app: App,
    ctx: RequestContext,
    filter: Record<string, unknown>,
    after: string | null,
    sort: ExportSort,
  ): Promise<Page<R>>;
  columns: readonly (readonly [string, (row: R) => Cell])[];
}

const amount = (minor: number | null | undefined, currency: string | null | undefined): Cell =>
  minor === null || minor === undefined || !currency ? null : Number(formatMoneyAmount(money(minor, currency)));

const FIRST = PAGE_SIZE_MAX;

/** A list's export, its row type taken from its page (the columns read rows of that type). */
const listExport = <R>(spec: ListExport<R>): ListExport => spec as unknown as ListExport;

/**
 * The lists staff and resellers filter in the SPA, each exportable as what its filters show: the same service call
 * the list page makes, page after page, so the file holds exactly what the list would (and only what the caller may
 * see), and its columns are what a spreadsheet needs.
 */
export const LIST_EXPORTS: Readonly<Record<string, ListExport>> = {
  orders: listExport({
    filters: {
      resellerId: 'string',
      customerId: 'string',
      status: 'string',
      from: 'string',
      to: 'string',
      search: 'string',
    },
    page: async (app, ctx, filter, after, sort) => {
      const p = await app.orders.list(ctx, filter, FIRST, after, app.orders.orderBy(sort.by, sort.direction));
      return { rows: p.orders, hasNextPage: p.hasNextPage, endCursor: p.endCursor };
    },
    columns: [
      ['SO number', (o) => o.soNumber],
      ['Placed', (o) => o.placedAt],
      ['Status', (o) => o.status],
      ['Reseller', (o) => o.resellerName],
      ['Customer', (o) => o.customerName],
      ['PO number', (o) => o.poNumber],
      ['Payment', (o) => o.paymentMethod],
      ['Total', (o) => amount(o.totalMinor, o.currency)],
      ['Currency', (o) => o.currency],
      ['Lines', (o) => o.lines.length],
    ],
  }),
  subscriptions: listExport({
    filters: {
      resellerId: 'string',
      customerId: 'string',
      product: 'string',
      status: 'string',
      endingWithinDays: 'number',
      windowOpen: 'boolean',
      autoRenew: 'boolean',
      trial: 'boolean',
      termEndFrom: 'string',
      termEndBefore: 'string',
    },
    page: async (app, ctx, filter, after, sort) => {
      const p = await app.subscriptions.list(
        ctx,
        filter,
        FIRST,
        after,
        app.subscriptions.orderBy(sort.by, sort.direction),
      );
      return { rows: p.subscriptions, hasNextPage: p.hasNextPage, endCursor: p.endCursor };
    },
    columns: [
      ['Subscription', (s) => s.partnerSubscriptionId],
      ['Reseller', (s) => s.resellerName],
      ['Customer', (s) => s.customerName],
      ['Product', (s) => s.productTitle],
      ['SKU', (s) => s.skuTitle],
      ['Term', (s) => s.term],
      ['Billing', (s) => s.billingPlan],
      ['Seats', (s) => s.quantity],
      ['Unit price', (s) => amount(s.unitPriceMinor, s.currency)],
      ['Currency', (s) => s.currency],
      ['Status', (s) => s.status],
      ['Auto-renew', (s) => (s.autoRenew ? 'yes' : 'no')],
      ['Trial', (s) => (s.trial ? 'yes' : 'no')],
      ['Term start', (s) => s.termStart],
      ['Term end', (s) => s.termEnd],
    ],
  }),
  invoices: listExport({
    filters: { month: 'string', resellerId: 'string' },
    page: async (app, ctx, filter, after) => {
      const p = await app.monthlyBilling.list(ctx, filter, FIRST, after);
      return { rows: p.invoices, hasNextPage: p.hasNextPage, endCursor: p.endCursor };
    },
    columns: [
      ['Invoice', (i) => i.number],
      ['Kind', (i) => (i.kind === 'CREDIT_NOTE' ? 'credit note' : 'invoice')],
      ['Corrects', (i) => i.corrects?.number ?? ''],
      ['Month', (i) => i.month],
      ['Reseller', (i) => i.resellerName],
      ['Charges', (i) => i.charges],
      ['Subtotal', (i) => amount(i.subtotalMinor, i.currency)],
      ['Tax', (i) => amount(i.taxMinor, i.currency)],
      ['Total', (i) => amount(i.totalMinor, i.currency)],
      ['Paid by card', (i) => amount(i.paidMinor, i.currency)],
      ['Due on terms', (i) => amount(i.dueMinor, i.currency)],
      ['Due date', (i) => i.dueDate],
      ['Currency', (i) => i.currency],
    ],
  }),
  resellers: listExport({
    filters: { search: 'string', status: 'string' },
    page: async (app, ctx, filter, after, sort) => {
      const p = await app.resellers.list(ctx, filter, FIRST, after, app.resellers.orderBy(sort.by, sort.direction));
      return { rows: p.resellers, hasNextPage: p.hasNextPage, endCursor: p.endCursor };
    },
    columns: [
      ['Company', (r) => r.companyName],
      ['Marketplace ID', (r) => r.marketplaceId],
      ['Status', (r) => r.status],
      ['Payment', (r) => r.paymentMethod],
      ['MPN location ID', (r) => r.mpnLocationId],
      ['Reseller domain', (r) => r.resellerDomain],
      ['Contact', (r) => r.contact.name],
      ['Contact email', (r) => r.contact.email],
      ['Country', (r) => r.address.country],
      ['Created', (r) => r.createdAt],
    ],
  }),
  customers: listExport({
    filters: { resellerId: 'string', search: 'string', segment: 'string' },
    page: async (app, ctx, filter, after, sort) => {
      const p = await app.customers.list(ctx, filter, FIRST, after, app.customers.orderBy(sort.by, sort.direction));
      return { rows: p.customers, hasNextPage: p.hasNextPage, endCursor: p.endCursor };
    },
    columns: [
      ['Company', (c) => c.companyName],
      ['Segment', (c) => c.segment],
      ['Admin contact', (c) => c.adminContact.name],
      ['Admin email', (c) => c.adminContact.email],
      ['Country', (c) => c.address.country],
      ['Created', (c) => c.createdAt],
    ],
  }),
  audit: listExport({
    filters: {
      actorUserId: 'string',
      entityType: 'string',
      entityId: 'string',
      operation: 'string',
      from: 'string',
      to: 'string',
      actor: 'string',
      entity: 'string',
    },
    page: async (app, ctx, filter, after) => {
      const p = await app.audit.list(ctx, filter, FIRST, after);
      return { rows: p.entries, hasNextPage: p.hasNextPage, endCursor: p.endCursor };
    },
    columns: [
      ['At', (e) => e.at],
      ['Who', (e) => e.actorEmail ?? e.actorKind],
      ['Operation', (e) => e.operation],
      ['Entity', (e) => e.entityType],
      ['Entity ID', (e) => e.entityId],
      ['Changes', (e) => e.changes],
    ],
  }),
};

/**
 * The filter a list takes, from the file's query (`filter` as JSON): only its own keys, each of its type; what else
 * it holds is a fault named in the message.
 */
export function filterOf(
  list: ListExport,
  text: string | undefined,
): { filter: Record<string, unknown> } | { fault: string } {
  if (!text) return { filter: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { fault: 'The filter is JSON, e.g. {"status":"ACTIVE"}.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { fault: 'The filter is a JSON object, e.g. {"status":"ACTIVE"}.' };
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const type = list.filters[key];
    if (!type)
      return { fault: `This list has no filter "${key}"; it filters by ${Object.keys(list.filters).join(', ')}.` };
    if (value === null || value === '') continue;
    if (typeof value !== type || (type === 'string' && (value as string).length > 200))
      return { fault: `The filter "${key}" is a ${type}.` };
    filter[key] = value;
  }
  return { filter };
}
