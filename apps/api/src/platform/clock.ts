/** The time, behind an interface so that tests and the simulator can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = date;
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * A clock that reads `start` when the process begins and then runs as the machine's monotonic clock does:
 * how a test hands its fixed test time to an API process it starts (CLOCK_START), so both agree on the
 * date whatever today's date is. The wall clock is never read.
 */
export class RunningClock implements Clock {
  private readonly startedAt = performance.now();
  constructor(private readonly start: Date) {}
  now(): Date {
    return new Date(this.start.getTime() + Math.floor(performance.now() - this.startedAt));
  }
}

/** The calendar date of an instant in UTC, as Microsoft's price lists write it (YYYY-MM-DD). */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
