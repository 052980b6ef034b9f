import { describe, expect, it } from 'vitest';
import {
  isPrivateAddress,
  subscriptionEventType,
  WEBHOOK_EVENT_TYPES,
  webhookEventsFromInput,
  webhookUrlFromInput,
} from './webhooks.js';

describe('webhooks', () => {
  it('refuses private, loopback, link-local and shared addresses, v4 and v6, and lets public ones through', () => {
    for (const ip of [
      '10.0.0.1',
      '127.0.0.1',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.1.2.3',
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8', 'example.com'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('takes https addresses only, without credentials or private hosts, unless private targets are allowed (tests)', () => {
    expect(webhookUrlFromInput(' https://psa.example.com/hooks ', false)).toEqual({
      ok: true,
      value: 'https://psa.example.com/hooks',
    });
    expect(webhookUrlFromInput('http://psa.example.com/hooks', false)).toMatchObject({ code: 'URL_NOT_HTTPS' });
    expect(webhookUrlFromInput('https://127.0.0.1/x', false)).toMatchObject({ code: 'URL_PRIVATE' });
    expect(webhookUrlFromInput('https://[::1]/x', false)).toMatchObject({ code: 'URL_PRIVATE' });
    expect(webhookUrlFromInput('https://localhost/x', false)).toMatchObject({ code: 'URL_PRIVATE' });
    expect(webhookUrlFromInput('https://a:b@example.com/x', false)).toMatchObject({ code: 'URL_INVALID' });
    expect(webhookUrlFromInput('psa.example.com', false)).toMatchObject({ code: 'URL_INVALID' });
    expect(webhookUrlFromInput('ftp://example.com/x', true)).toMatchObject({ code: 'URL_NOT_HTTPS' });
    expect(webhookUrlFromInput('http://127.0.0.1:8080/x', true)).toMatchObject({ ok: true });
  });

  it('takes known event types, at least one, in their listed order', () => {
    expect(webhookEventsFromInput(['invoice.issued', 'order.placed', 'order.placed'])).toEqual({
      ok: true,
      value: ['order.placed', 'invoice.issued'],
    });
    expect(webhookEventsFromInput([])).toMatchObject({ code: 'EVENTS_INVALID' });
    expect(webhookEventsFromInput(['order.shipped'])).toMatchObject({
      code: 'EVENTS_INVALID',
      message: expect.stringContaining('order.shipped'),
    });
  });

  it('names a subscription’s log entries as events outside: created, renewed, cancelled, expired, else changed', () => {
    expect(subscriptionEventType('PROVISIONED')).toBe('subscription.created');
    expect(subscriptionEventType('RENEWED')).toBe('subscription.renewed');
    expect(subscriptionEventType('CANCELLED')).toBe('subscription.cancelled');
    expect(subscriptionEventType('EXPIRED')).toBe('subscription.expired');
    expect(subscriptionEventType('SEATS_ADDED')).toBe('subscription.changed');
    expect(WEBHOOK_EVENT_TYPES).toContain(subscriptionEventType('ANYTHING'));
  });
});
