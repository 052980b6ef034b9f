import { describe, expect, it } from 'vitest';
import { reminderDue, RENEWAL_REMINDER_DAYS, WINDOW_REMINDER_HOURS } from './notifications.js';

describe('reminders before windows close and terms renew', () => {
  it('is due at each threshold reached, once, the nearest when several were passed together', () => {
    expect(reminderDue(RENEWAL_REMINDER_DAYS, 90, null)).toBeNull();
    expect(reminderDue(RENEWAL_REMINDER_DAYS, 59.5, null)).toBe(60);
    expect(reminderDue(RENEWAL_REMINDER_DAYS, 45, 60)).toBeNull();
    expect(reminderDue(RENEWAL_REMINDER_DAYS, 29, 60)).toBe(30);
    // A scan that first runs 5 days before the end sends the 7-day reminder only, not three at once.
    expect(reminderDue(RENEWAL_REMINDER_DAYS, 5, null)).toBe(7);
    expect(reminderDue(RENEWAL_REMINDER_DAYS, 5, 7)).toBeNull();
  });

  it('sends nothing once the moment has passed', () => {
    expect(reminderDue(WINDOW_REMINDER_HOURS, 0, null)).toBeNull();
    expect(reminderDue(WINDOW_REMINDER_HOURS, -3, 48)).toBeNull();
    expect(reminderDue(WINDOW_REMINDER_HOURS, 47, null)).toBe(48);
    expect(reminderDue(WINDOW_REMINDER_HOURS, 23, 48)).toBe(24);
  });
});
