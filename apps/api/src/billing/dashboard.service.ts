import {
  answeredWithinSla,
  endCustomerMonths,
  productFamilyOf,
  type CustomerMarkup,
  isCurrencyCode,
  isOpenTermsRequest,
  lastTwelveMonths,
  termsRequestSla,
  weekStartOf,
  type TermsRequestState,
} from '@nce/domain';
import { invalidField, ok, type Result } from '../platform/result.js';
import { actingFor, requirePermission, type RequestContext } from '../platform/request-context.js';
import type { RevenueRepository } from './revenue.repository.js';
import { BillingPermission } from './reconciliation.service.js';

const DAY = 86_400_000;
/** Families named on their own in the split; the rest are summed as "Other". */
const FAMILIES_SHOWN = 5;

export interface MonthSum {
  month: string;
  key: string;
  amountMinor: number;
  costMinor: number;
}

export interface DashboardView {
  currency: string;
  months: string[];
  bySegment: MonthSum[];
  byFamily: MonthSum[];
  byKind: MonthSum[];
  renewalsDue: { weekStart: string; subscriptions: number; valueMinor: number }[];
  topResellers: { resellerId: string; name: string; amountMinor: number; costMinor: number }[];
  /** Seats sold and returned by the month of their order. */
  returns: { month: string; seats: number; returned: number }[];
  /** Staff only: terms requests answered in the twelve months (inside their SLA or not), and those open now. */
  terms: { answered: number; inside: number; open: number; overdue: number } | null;
  /** One reseller's view only: its months with its end customers at its markups (what it paid, sales, margin). */
  endCustomers: { month: string; paidMinor: number; salesMinor: number; marginMinor: number }[] | null;
}

/**
 * The business at a glance (S18): revenue and margin by month over twelve months, split by segment, product family
 * and kind (new, renewal, change), the renewals due in the next 90 days by week, and the top resellers. Read from
 * sums kept current by the charge writer: a few hundred rows whatever the charges number. A reseller user sees its
 * own business; staff the distributor's, or one reseller's.
 */
export class DashboardService {
  constructor(
    private readonly revenue: RevenueRepository,
    /** A reseller's markups for its end customers (the pricing context's). */
    private readonly markupsOf: (ctx: RequestContext, resellerId: string) => Promise<CustomerMarkup[]>,
  ) {}

  async view(
    ctx: RequestContext,
    filter: { currency: string; resellerId?: string | null },
  ): Promise<Result<DashboardView>> {
    const resellerId = ctx.principal?.kind === 'reseller' ? ctx.principal.resellerId : (filter.resellerId ?? null);
    if (resellerId) actingFor(ctx, resellerId, BillingPermission.Reports);
    else requirePermission(ctx, BillingPermission.Reports);
    const now = ctx.clock.now();
    const months = lastTwelveMonths(now);
    const range = {
      from: `${months[0]}-01`,
      to: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10),
    };
    const currency = filter.currency.trim().toUpperCase();
    if (!isCurrencyCode(currency))
      return invalidField('currency', 'CURRENCY_INVALID', 'The currency is a three-letter code, e.g. USD.');
    const [bySegment, families, byKind, renewing, topResellers, returns, requests, endCustomers] = await Promise.all([
      this.revenue.byMonth(ctx, 'segment', range, currency, resellerId),
      this.revenue.byMonth(ctx, 'family', range, currency, resellerId),
      this.revenue.byMonth(ctx, 'kind', range, currency, resellerId),
      this.revenue.renewing(
        ctx,
        now.toISOString(),
        new Date(now.getTime() + 90 * DAY).toISOString(),
        currency,
        resellerId,
      ),
      resellerId ? Promise.resolve([]) : this.revenue.topResellers(ctx, range, currency, 10),
      this.revenue.returnsByMonth(ctx, range, resellerId),
      resellerId ? Promise.resolve(null) : this.revenue.termsRequests(ctx, range),
      resellerId ? this.endCustomers(ctx, range, currency, resellerId) : Promise.resolve(null),
    ]);
    return ok({
      currency,
      months,
      bySegment,
      byFamily: foldFamilies(families),
      byKind,
      renewalsDue: renewalWeeks(now, renewing),
      topResellers,
      returns,
      terms: requests && termsFigures(requests, now),
      endCustomers,
    });
  }

  /** A reseller's charges by customer and product family, priced at its markups of today. */
  private async endCustomers(
    ctx: RequestContext,
    range: { from: string; to: string },
    currency: string,
    resellerId: string,
  ): Promise<DashboardView['endCustomers']> {
    const [charges, markups] = await Promise.all([
      this.revenue.customerCharges(ctx, range, currency, resellerId),
      this.markupsOf(ctx, resellerId),
    ]);
    return endCustomerMonths(
      charges.map((c) => ({ ...c, family: productFamilyOf(c.productTitle), currency })),
      markups,
    );
  }
}

/** The families with the most revenue over the range by name; the others summed as "Other", month by month. */
function foldFamilies(rows: readonly MonthSum[]): MonthSum[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.key, (totals.get(r.key) ?? 0) + r.amountMinor);
  const shown = new Set(
    [...totals.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, FAMILIES_SHOWN)
      .map(([family]) => family),
  );
  const out = new Map<string, MonthSum>();
  for (const r of rows) {
    const key = shown.has(r.key) ? r.key : 'Other';
    const id = `${r.month}\u0000${key}`;
    const sum = out.get(id) ?? { month: r.month, key, amountMinor: 0, costMinor: 0 };
    sum.amountMinor += r.amountMinor;
    sum.costMinor += r.costMinor;
    out.set(id, sum);
  }
  return [...out.values()];
}

/** Thirteen weeks from this one: how many subscriptions renew in each, and what they are worth at today's price. */
function renewalWeeks(now: Date, renewing: readonly { termEnd: string; valueMinor: number }[]) {
  const weeks = Array.from({ length: 13 }, (_, i) => ({
    weekStart: weekStartOf(new Date(now.getTime() + i * 7 * DAY)),
    subscriptions: 0,
    valueMinor: 0,
  }));
  for (const r of renewing) {
    const week = weeks.find((w) => w.weekStart === weekStartOf(new Date(r.termEnd)));
    if (!week) continue;
    week.subscriptions += 1;
    week.valueMinor += r.valueMinor;
  }
  return weeks;
}

/** Answered requests inside their SLA or not; open requests and the overdue among them. */
function termsFigures(
  requests: readonly { status: string; waitingSince: string; decidedAt: string | null }[],
  now: Date,
): NonNullable<DashboardView['terms']> {
  const figures = { answered: 0, inside: 0, open: 0, overdue: 0 };
  for (const r of requests) {
    const state = r.status as TermsRequestState;
    if (r.decidedAt) {
      figures.answered += 1;
      if (answeredWithinSla(new Date(r.waitingSince), new Date(r.decidedAt))) figures.inside += 1;
    } else if (isOpenTermsRequest(state)) {
      figures.open += 1;
      if (termsRequestSla(state, new Date(r.waitingSince), now).sla === 'OVERDUE') figures.overdue += 1;
    }
  }
  return figures;
}
