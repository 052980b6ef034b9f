/**
 * S19: matching Microsoft's monthly reconciliation file against our charges. Each line is a charge of one type on
 * one subscription for a span of days; Microsoft's and ours are paired by subscription, charge type and span, and
 * every pair that differs (seats, unit price, total) or line left without a partner is a mismatch for staff.
 */
export interface ReconcilableCharge {
  /** Our charge id, or Microsoft's line number. */
  ref: string;
  subscriptionId: string;
  chargeType: string;
  /** YYYY-MM-DD. */
  chargeStart: string;
  chargeEnd: string;
  quantity: number;
  unitPriceMinor: number;
  totalMinor: number;
  currency: string;
}

/** Every way a charge and Microsoft's line can differ, in the order a report lists them. */
export const MISMATCH_KINDS = [
  'MISSING_AT_MICROSOFT',
  'MISSING_HERE',
  'QUANTITY',
  'UNIT_PRICE',
  'TOTAL',
  'CURRENCY',
] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

export interface Mismatch {
  kind: MismatchKind;
  ours: ReconcilableCharge | null;
  microsoft: ReconcilableCharge | null;
}

export interface ReconciliationOutcome {
  matched: number;
  mismatches: Mismatch[];
}

const keyOf = (c: ReconcilableCharge) =>
  [c.subscriptionId.toLowerCase(), c.chargeType, c.chargeStart.slice(0, 10), c.chargeEnd.slice(0, 10)].join('|');

/** What differs between two charges of one key, most telling first; null when nothing does. */
export function differenceOf(ours: ReconcilableCharge, microsoft: ReconcilableCharge): MismatchKind | null {
  if (ours.currency !== microsoft.currency) return 'CURRENCY';
  if (ours.quantity !== microsoft.quantity) return 'QUANTITY';
  if (ours.unitPriceMinor !== microsoft.unitPriceMinor) return 'UNIT_PRICE';
  if (ours.totalMinor !== microsoft.totalMinor) return 'TOTAL';
  return null;
}

/**
 * Pairs the two sides. Within a key (two seat additions on one day), identical charges pair first, then the rest in
 * the order given; what is left on either side is missing on the other. Every charge of either side is in exactly
 * one pair or one mismatch.
 */
export function reconcile(
  ours: readonly ReconcilableCharge[],
  microsoft: readonly ReconcilableCharge[],
): ReconciliationOutcome {
  const theirs = new Map<string, ReconcilableCharge[]>();
  for (const line of microsoft) theirs.set(keyOf(line), [...(theirs.get(keyOf(line)) ?? []), line]);
  const mismatches: Mismatch[] = [];
  let matched = 0;
  const unpaired = new Map<string, ReconcilableCharge[]>();
  // Identical charges first, so one differing line of a key is not paired with the wrong partner.
  for (const charge of ours) {
    const candidates = theirs.get(keyOf(charge)) ?? [];
    const same = candidates.findIndex((line) => differenceOf(charge, line) === null);
    if (same >= 0) {
      candidates.splice(same, 1);
      matched += 1;
    } else unpaired.set(keyOf(charge), [...(unpaired.get(keyOf(charge)) ?? []), charge]);
  }
  for (const [key, charges] of unpaired) {
    const candidates = theirs.get(key) ?? [];
    for (const charge of charges) {
      const line = candidates.shift();
      mismatches.push(
        line
          ? { kind: differenceOf(charge, line)!, ours: charge, microsoft: line }
          : { kind: 'MISSING_AT_MICROSOFT', ours: charge, microsoft: null },
      );
    }
  }
  for (const lines of theirs.values())
    for (const line of lines) mismatches.push({ kind: 'MISSING_HERE', ours: null, microsoft: line });
  return { matched, mismatches };
}
