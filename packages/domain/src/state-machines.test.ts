import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CART_EVENTS,
  CART_STATES,
  CART_TRANSITIONS,
  IMPORT_EVENTS,
  IMPORT_STATES,
  IMPORT_TRANSITIONS,
  nextCartState,
  nextImportState,
} from './lifecycles.js';
import { nextOrderState, ORDER_EVENTS, ORDER_STATES, ORDER_TRANSITIONS } from './orders.js';
import { eventsFrom, isFinal, type Transitions } from './state-machine.js';
import {
  nextSubscriptionState,
  SUBSCRIPTION_EVENTS,
  SUBSCRIPTION_STATES,
  SUBSCRIPTION_TRANSITIONS,
} from './subscriptions.js';
import {
  nextTermsRequestState,
  TERMS_REQUEST_EVENTS,
  TERMS_REQUEST_STATES,
  TERMS_REQUEST_TRANSITIONS,
} from './terms-requests.js';

function reachable<S extends string, E extends string>(table: Transitions<S, E>, start: S): Set<S> {
  const seen = new Set<S>([start]);
  // Breadth-first over the table.
  const frontier = [start];
  while (frontier.length) {
    const state = frontier.shift()!;
    for (const event of eventsFrom(table, state)) {
      const next = table[state][event]!;
      if (!seen.has(next)) {
        seen.add(next);
        frontier.push(next);
      }
    }
  }
  return seen;
}

const machines = [
  {
    name: 'terms request (R23)',
    table: TERMS_REQUEST_TRANSITIONS,
    start: 'SUBMITTED' as const,
    states: TERMS_REQUEST_STATES,
    events: TERMS_REQUEST_EVENTS,
    finals: ['APPROVED', 'WITHDRAWN'],
    next: nextTermsRequestState as (s: string, e: string) => { ok: boolean; to?: string; message?: string },
  },
  {
    name: 'order (R18, R19, R24)',
    table: ORDER_TRANSITIONS,
    start: 'PLACED' as const,
    states: ORDER_STATES,
    events: ORDER_EVENTS,
    finals: ['CANCELLED', 'RETURNED'],
    next: nextOrderState as (s: string, e: string) => { ok: boolean; to?: string; message?: string },
  },
  {
    name: 'cart (R4, R18)',
    table: CART_TRANSITIONS,
    start: 'OPEN' as const,
    states: CART_STATES,
    events: CART_EVENTS,
    finals: ['CHECKED_OUT'],
    next: nextCartState as (s: string, e: string) => { ok: boolean; to?: string; message?: string },
  },
  {
    name: 'subscription (S2)',
    table: SUBSCRIPTION_TRANSITIONS,
    start: 'PENDING' as const,
    states: SUBSCRIPTION_STATES,
    events: SUBSCRIPTION_EVENTS,
    finals: ['DELETED'],
    next: nextSubscriptionState as (s: string, e: string) => { ok: boolean; to?: string; message?: string },
  },
  {
    name: 'price-list import',
    table: IMPORT_TRANSITIONS,
    start: 'RUNNING' as const,
    states: IMPORT_STATES,
    events: IMPORT_EVENTS,
    finals: ['SUCCEEDED', 'FAILED'],
    next: nextImportState as (s: string, e: string) => { ok: boolean; to?: string; message?: string },
  },
];

describe.each(machines)('$name state machine', ({ table, start, states, events, finals, next }) => {
  it('reaches every state from the start, and its final states are exactly the intended ones', () => {
    expect([...reachable(table as Transitions<string, string>, start)].sort()).toEqual([...states].sort());
    expect(states.filter((s) => isFinal(table as Transitions<string, string>, s)).sort()).toEqual([...finals].sort());
  });

  it('offers from every reachable state a way to a final state', () => {
    for (const state of reachable(table as Transitions<string, string>, start)) {
      const onward = reachable(table as Transitions<string, string>, state);
      expect(
        finals.some((f) => onward.has(f as never)),
        `${state} can reach a final state`,
      ).toBe(true);
    }
  });

  it('never reaches an illegal state under any sequence of events; refused events change nothing and say why', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 40 }), (sequence) => {
        let state: string = start;
        for (const event of sequence) {
          const result = next(state, event);
          const expected = (table as Record<string, Record<string, string>>)[state]?.[event];
          if (expected) {
            expect(result).toEqual({ ok: true, to: expected });
            state = result.to!;
          } else {
            expect(result.ok).toBe(false);
            expect(result.message).toMatch(/^Cannot /);
          }
          expect(states).toContain(state);
        }
      }),
    );
  });
});
