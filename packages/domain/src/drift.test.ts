import { describe, expect, it } from 'vitest';
import { subscriptionDrift, type OurSubscription, type TheirSubscription } from './drift.js';

const ours: OurSubscription = { quantity: 5, status: 'ACTIVE', autoRenew: true, termEnd: '2027-03-31T23:59:59.000Z' };
const theirs: TheirSubscription = {
  quantity: 5,
  status: 'active',
  autoRenewEnabled: true,
  commitmentEndDate: '2027-03-31T00:00:00Z',
};

describe('drift between our subscriptions and Partner Center’s', () => {
  it('finds none when quantity, status, auto-renew and the term’s last day agree (case and time of day aside)', () => {
    expect(subscriptionDrift(ours, theirs)).toEqual([]);
    expect(subscriptionDrift(ours, { ...theirs, commitmentEndDate: null })).toEqual([]);
  });

  it('lists each field that differs with both values and a fix naming what Microsoft bills', () => {
    const drift = subscriptionDrift(ours, {
      quantity: 7,
      status: 'suspended',
      autoRenewEnabled: false,
      commitmentEndDate: '2027-04-30',
    });
    expect(drift.map((d) => [d.field, d.ours, d.theirs])).toEqual([
      ['QUANTITY', '5', '7'],
      ['STATUS', 'active', 'suspended'],
      ['AUTO_RENEW', 'on', 'off'],
      ['TERM_END', '2027-03-31', '2027-04-30'],
    ]);
    expect(drift[0]!.fix).toMatch(/Microsoft bills 7 seats/);
    for (const d of drift) expect(d.fix.length).toBeGreaterThan(20);
  });

  it('names a subscription Partner Center does not know', () => {
    expect(subscriptionDrift(ours, null)).toEqual([
      expect.objectContaining({ field: 'MISSING', ours: 'active', theirs: 'not found' }),
    ]);
  });
});
