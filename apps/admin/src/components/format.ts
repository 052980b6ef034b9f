/** One way to write dates, counts and ages everywhere in the back office. */

const DATE_TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });
const TIME = new Intl.DateTimeFormat('en-US', { timeStyle: 'short' });

/** "Nov 27, 2026, 4:05 PM" */
export const dateTime = (iso: string | Date): string => DATE_TIME.format(new Date(iso));
/** "Nov 27, 2026" */
export const dateOnly = (iso: string | Date): string => DATE.format(new Date(iso));
/** "4:05 PM" */
export const timeOnly = (iso: string | Date): string => TIME.format(new Date(iso));

/** "1 reseller", "2 resellers" (irregular plurals given). */
export const countOf = (n: number, singular: string, plural = `${singular}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;

/** How long ago, in words: "just now", "12 minutes ago", "1 hour ago", "3 days ago". */
export function ageText(hours: number): string {
  const minutes = Math.floor(hours * 60);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${countOf(minutes, 'minute')} ago`;
  if (hours < 48) return `${countOf(Math.floor(hours), 'hour')} ago`;
  return `${countOf(Math.floor(hours / 24), 'day')} ago`;
}

/** An age as a duration for a queue column: "12 min", "5 h", "3 d". */
export function ageShort(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.floor(hours * 60))} min`;
  if (hours < 48) return `${Math.floor(hours)} h`;
  return `${Math.floor(hours / 24)} d`;
}
