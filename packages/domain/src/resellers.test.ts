import { describe, expect, it } from 'vitest';
import { completeActivation, moveReseller, RESELLER_STATUSES, RESELLER_STATUS_TRANSITIONS } from './resellers.js';

describe('R1: an account’s status: activation makes it active, staff suspend and reinstate', () => {
  it('suspends an active account, or one still activating, and reinstates a suspended one whose activation completed', () => {
    expect(moveReseller('ACTIVE', 'SUSPENDED', false)).toEqual({ ok: true, value: 'SUSPENDED' });
    expect(moveReseller('PENDING_ACTIVATION', 'SUSPENDED', true)).toEqual({ ok: true, value: 'SUSPENDED' });
    expect(moveReseller('SUSPENDED', 'ACTIVE', false)).toEqual({ ok: true, value: 'ACTIVE' });
  });

  it('never makes active an account whose activation has not completed, even by way of a suspension', () => {
    expect(moveReseller('PENDING_ACTIVATION', 'ACTIVE', true)).toMatchObject({
      ok: false,
      code: 'ACTIVATION_PENDING',
      message: expect.stringMatching(/activates by itself/),
    });
    expect(moveReseller('SUSPENDED', 'ACTIVE', true)).toMatchObject({ ok: false, code: 'ACTIVATION_PENDING' });
  });

  it('treats setting the status an account already has as no change', () => {
    for (const status of ['ACTIVE', 'SUSPENDED'] as const)
      expect(moveReseller(status, status, true)).toEqual({ ok: true, value: status });
  });

  it('answers every status with a decision', () => {
    for (const from of RESELLER_STATUSES)
      for (const to of ['ACTIVE', 'SUSPENDED'] as const)
        expect(typeof moveReseller(from, to, false).ok).toBe('boolean');
  });

  it('R1: a completed activation makes a pending account active, leaves a suspended one suspended, and moves only along the table', () => {
    expect(completeActivation('PENDING_ACTIVATION')).toBe('ACTIVE');
    expect(completeActivation('SUSPENDED')).toBe('SUSPENDED');
    expect(completeActivation('ACTIVE')).toBe('ACTIVE');
    for (const from of RESELLER_STATUSES) {
      const to = completeActivation(from);
      expect(to === from || RESELLER_STATUS_TRANSITIONS[from].includes(to)).toBe(true);
    }
  });
});
