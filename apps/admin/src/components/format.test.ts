import { describe, expect, it } from 'vitest';
import { ageShort, ageText, countOf, dateTime } from './format';

describe('dates, counts and ages, written one way', () => {
  it('counts in the right number', () => {
    expect(countOf(1, 'reseller')).toBe('1 reseller');
    expect(countOf(2, 'reseller')).toBe('2 resellers');
    expect(countOf(0, 'entry', 'entries')).toBe('0 entries');
    expect(countOf(12500, 'row')).toBe('12,500 rows');
  });

  it('says how long ago without "0 h ago"', () => {
    expect(ageText(0)).toBe('just now');
    expect(ageText(0.2)).toBe('12 minutes ago');
    expect(ageText(1.5)).toBe('1 hour ago');
    expect(ageText(30)).toBe('30 hours ago');
    expect(ageText(80)).toBe('3 days ago');
    expect(ageShort(0)).toBe('1 min');
    expect(ageShort(5.9)).toBe('5 h');
    expect(ageShort(72)).toBe('3 d');
  });

  it('writes an instant with its date and time', () => {
    expect(dateTime('2026-11-24T12:00:00Z')).toMatch(/^Nov 24, 2026, \d{1,2}:\d{2} [AP]M$/);
  });
});
