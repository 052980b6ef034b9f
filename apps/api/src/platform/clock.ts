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

/** The calendar date of an instant in UTC, as Microsoft's price lists write it (YYYY-MM-DD). */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
