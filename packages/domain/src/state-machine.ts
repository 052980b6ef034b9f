import { allow, deny, type Verdict } from './verdict.js';

/** A finite state machine: for each state, the events it accepts and where they lead. */
export type Transitions<State extends string, Event extends string> = Record<State, Partial<Record<Event, State>>>;

export function transition<State extends string, Event extends string>(
  table: Transitions<State, Event>,
  from: State,
  event: Event,
  describe: (state: State) => string = (s) => s,
): { ok: true; to: State } | { ok: false; code: 'ILLEGAL_TRANSITION'; message: string } {
  const to = table[from]?.[event];
  if (to === undefined) {
    const allowed = Object.keys(table[from] ?? {});
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message:
        `Cannot ${event.toLowerCase().replace(/_/g, ' ')} when ${describe(from)}` +
        (allowed.length ? ` (possible: ${allowed.join(', ').toLowerCase().replace(/_/g, ' ')})` : ' (it is final)'),
    };
  }
  return { ok: true, to };
}

export function canTransition<State extends string, Event extends string>(
  table: Transitions<State, Event>,
  from: State,
  event: Event,
): Verdict<'ILLEGAL_TRANSITION'> {
  const result = transition(table, from, event);
  return result.ok ? allow() : deny(result.code, result.message);
}

export const eventsFrom = <State extends string, Event extends string>(
  table: Transitions<State, Event>,
  from: State,
): Event[] => Object.keys(table[from] ?? {}) as Event[];

export const isFinal = <State extends string, Event extends string>(
  table: Transitions<State, Event>,
  state: State,
): boolean => eventsFrom(table, state).length === 0;
