/**
 * The daily comparison of our subscriptions with Partner Center's (drift): every difference listed with what to do
 * about it; nothing is changed by the check itself. Microsoft's record is what it bills, so the fix usually brings
 * ours to it, unless someone changed Partner Center by mistake.
 */

export interface OurSubscription {
  quantity: number;
  /** ACTIVE, SUSPENDED, EXPIRED, DISABLED, DELETED, PENDING. */
  status: string;
  autoRenew: boolean;
  /** ISO instant. */
  termEnd: string;
}

export interface TheirSubscription {
  quantity: number;
  /** Microsoft's status: active, suspended, expired, disabled, deleted, pending. */
  status: string;
  autoRenewEnabled: boolean;
  /** ISO instant or day; null when Partner Center did not say. */
  commitmentEndDate: string | null;
}

export type DriftField = 'MISSING' | 'QUANTITY' | 'STATUS' | 'AUTO_RENEW' | 'TERM_END';

export interface DriftDifference {
  field: DriftField;
  ours: string;
  theirs: string;
  fix: string;
}

/** What differs between our subscription and Partner Center's; empty when they agree. */
export function subscriptionDrift(ours: OurSubscription, theirs: TheirSubscription | null): DriftDifference[] {
  if (!theirs)
    return [
      {
        field: 'MISSING',
        ours: ours.status.toLowerCase(),
        theirs: 'not found',
        fix: 'Partner Center does not know this subscription: check the order’s provisioning with Microsoft support before anything is billed for it.',
      },
    ];
  const differences: DriftDifference[] = [];
  if (ours.quantity !== theirs.quantity)
    differences.push({
      field: 'QUANTITY',
      ours: String(ours.quantity),
      theirs: String(theirs.quantity),
      fix: `Microsoft bills ${theirs.quantity} seats. If seats were changed in Partner Center directly, set ${theirs.quantity} here; otherwise change Partner Center back to ${ours.quantity}.`,
    });
  if (ours.status.toLowerCase() !== theirs.status.toLowerCase())
    differences.push({
      field: 'STATUS',
      ours: ours.status.toLowerCase(),
      theirs: theirs.status.toLowerCase(),
      fix: `Partner Center says ${theirs.status.toLowerCase()}: find who changed it there, then suspend, reactivate or cancel here to match.`,
    });
  if (ours.autoRenew !== theirs.autoRenewEnabled)
    differences.push({
      field: 'AUTO_RENEW',
      ours: ours.autoRenew ? 'on' : 'off',
      theirs: theirs.autoRenewEnabled ? 'on' : 'off',
      fix: `It ${theirs.autoRenewEnabled ? 'will' : 'will not'} renew at Microsoft: turn auto-renew ${theirs.autoRenewEnabled ? 'on' : 'off'} here, or change it in Partner Center to match the customer’s wish.`,
    });
  const ourEnd = ours.termEnd.slice(0, 10);
  const theirEnd = theirs.commitmentEndDate?.slice(0, 10) ?? null;
  if (theirEnd && ourEnd !== theirEnd)
    differences.push({
      field: 'TERM_END',
      ours: ourEnd,
      theirs: theirEnd,
      fix: `Microsoft renews it after ${theirEnd}: renewals, reminders and co-terming here use ${ourEnd}. Ask support to align the term end.`,
    });
  return differences;
}
