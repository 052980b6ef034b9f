/**
 * Revenue as the dashboard splits it: new business (a purchase, a trial converted), renewals, and the changes of
 * running terms (seats added or removed, cycle charges, cancellations, credits).
 */
export const REVENUE_KINDS = ['NEW', 'RENEWAL', 'CHANGE'] as const;
export type RevenueKind = (typeof REVENUE_KINDS)[number];

export function revenueKindOf(chargeType: string): RevenueKind {
  if (chargeType === 'new' || chargeType === 'convert') return 'NEW';
  if (chargeType === 'renew') return 'RENEWAL';
  return 'CHANGE';
}

/**
 * What a charge cost the distributor: its amount at Microsoft's partner price instead of the reseller's (a prorated
 * charge scales both alike), rounded to the minor unit; a free charge cost nothing.
 */
export function costOfCharge(amountMinor: number, unitPriceMinor: number, partnerUnitMinor: number): number {
  if (unitPriceMinor === 0) return 0;
  return Math.round((amountMinor * partnerUnitMinor) / unitPriceMinor);
}

/** The Monday (UTC) of the week holding `at`, as YYYY-MM-DD: renewals due are summed by it. */
export function weekStartOf(at: Date): string {
  const day = (at.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - day)).toISOString().slice(0, 10);
}

/** The twelve months ending with `now`'s, oldest first, as YYYY-MM. */
export function lastTwelveMonths(now: Date): string[] {
  return Array.from({ length: 12 }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1)).toISOString().slice(0, 7),
  );
}
