/**
 * `months` calendar months after `date`, at the same time of day (UTC). A day the target month lacks becomes its
 * last day: a month after 31 January is 28 or 29 February, never early March.
 */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(date.getUTCDate(), lastDay),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  );
}

const DAY = 86_400_000;

/** Whole days from `start` to `end`, rounded (a daylight-saving-free UTC span is whole days already). */
export const daysBetween = (start: Date, end: Date): number => Math.round((end.getTime() - start.getTime()) / DAY);

/** Whether a text is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export const isIsoDay = (value: string): boolean =>
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
