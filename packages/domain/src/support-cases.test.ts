import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, moveCase, nextCaseStatuses, type CaseStatus } from './support-cases.js';

describe('R24: a support case’s status moves along its lifecycle only', () => {
  it.each([
    ['OPEN', 'WAITING_ON_RESELLER'],
    ['WAITING_ON_RESELLER', 'OPEN'],
    ['OPEN', 'RESOLVED'],
    ['RESOLVED', 'OPEN'],
    ['RESOLVED', 'CLOSED'],
    ['WAITING_ON_RESELLER', 'CLOSED'],
  ] as const)('goes from %s to %s', (from, to) => {
    expect(moveCase(from, to)).toEqual({ ok: true, value: to });
  });

  it('keeps a closed case closed, pointing to a new case', () => {
    for (const to of CASE_STATUSES.filter((s) => s !== 'CLOSED')) {
      expect(moveCase('CLOSED', to)).toMatchObject({
        ok: false,
        code: 'ILLEGAL_TRANSITION',
        message: expect.stringMatching(/stays closed; open a new case/),
      });
    }
  });

  it('names where a case may go when it refuses, in words', () => {
    expect(moveCase('RESOLVED', 'WAITING_ON_RESELLER')).toMatchObject({
      ok: false,
      message: 'A case that is resolved can be set to open or closed, not to waiting on the reseller.',
    });
  });

  it('allows staying where it is, and exactly the listed moves from every status', () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const allowed = from === to || nextCaseStatuses(from).includes(to as CaseStatus);
        expect(moveCase(from, to).ok, `${from} → ${to}`).toBe(allowed);
      }
    }
  });
});
