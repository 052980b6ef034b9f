import { fail, ok, type Outcome } from './verdict.js';

/** R24: a support case's status. */
export const CASE_STATUSES = ['OPEN', 'WAITING_ON_RESELLER', 'RESOLVED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * R24: where a case may go from each status. Support waits on the reseller and takes the case back, resolves
 * it, and a resolved case may be reopened until it is closed; a closed case stays closed (a new question is
 * a new case).
 */
export const CASE_STATUS_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  OPEN: ['WAITING_ON_RESELLER', 'RESOLVED', 'CLOSED'],
  WAITING_ON_RESELLER: ['OPEN', 'RESOLVED', 'CLOSED'],
  RESOLVED: ['OPEN', 'CLOSED'],
  CLOSED: [],
};

const WORDS: Record<CaseStatus, string> = {
  OPEN: 'open',
  WAITING_ON_RESELLER: 'waiting on the reseller',
  RESOLVED: 'resolved',
  CLOSED: 'closed',
};

export const caseStatusWords = (status: CaseStatus): string => WORDS[status];

const either = (words: string[]) =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

/** The statuses a case in `from` may be moved to. */
export const nextCaseStatuses = (from: CaseStatus): readonly CaseStatus[] => CASE_STATUS_TRANSITIONS[from];

/** R24: may a case go from `from` to `to`? Staying where it is is no change, and allowed. */
export function moveCase(from: CaseStatus, to: CaseStatus): Outcome<CaseStatus, 'ILLEGAL_TRANSITION'> {
  if (from === to || CASE_STATUS_TRANSITIONS[from].includes(to)) return ok(to);
  const possible = CASE_STATUS_TRANSITIONS[from];
  return fail(
    'ILLEGAL_TRANSITION',
    possible.length
      ? `A case that is ${WORDS[from]} can be set to ${either(possible.map((s) => WORDS[s]))}, not to ${WORDS[to]}.`
      : `The case is closed and stays closed; open a new case for a new question.`,
  );
}
