import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { SEND_MAIL_JOB } from '../mail/mail.service.js';
import { SupportCaseEntity } from '../support/entities.js';
import { JobEntity } from './jobs/job.entity.js';
import { createTestApp, staff, type TestApp } from '../test-support/test-app.js';
import { seedUsers } from '../test-support/users.js';
import { BusinessError } from './business-error.js';
import { NotFound, OperationRefused, ValidationFailed, VersionConflict } from './common.types.js';
import { Permission, type Principal } from './permissions.js';
import { actingFor, Forbidden, mayReach, ownReseller, systemContext, type RequestContext } from './request-context.js';
import { fail, invalid, notFound, ok, versionConflict } from './result.js';
import { toUnion } from './result-union.js';

const clock = { now: () => new Date('2026-11-24T12:00:00Z') };
const as = (principal: Principal | null): RequestContext => ({ principal, requestId: 'test', clock });
const resellerUser = (resellerId: string): Principal => ({
  kind: 'reseller',
  userId: `user-of-${resellerId}`,
  email: 'rita@example.test',
  resellerId,
});

describe('the request context decides who reaches a reseller’s records', () => {
  it('lets a reseller’s users reach their own reseller only, whatever permission is asked', () => {
    const own = as(resellerUser('R1'));
    expect(mayReach(own, 'R1', Permission.OrdersRead)).toBe(true);
    expect(mayReach(own, 'R2', Permission.OrdersRead)).toBe(false);
    expect(() => actingFor(own, 'R2', Permission.OrdersRead)).toThrow(Forbidden);
    // Their own records are not "on behalf of" anyone: the audit records the reseller from the principal.
    expect(actingFor(own, 'R1', Permission.OrdersRead).onBehalfOfResellerId).toBeUndefined();
    expect(ownReseller(own, 'R2')).toBe('R1');
  });

  it('lets staff reach any reseller with the permission, recorded as acting on its behalf, and no reseller without it', () => {
    const desk = as(staff('credit'));
    expect(actingFor(desk, 'R7', Permission.TermsReview).onBehalfOfResellerId).toBe('R7');
    expect(() => actingFor(desk, 'R7', Permission.CustomersManage)).toThrow(Forbidden);
    // Any of several permissions will do.
    expect(mayReach(desk, 'R7', Permission.CustomersManage, Permission.TermsReview)).toBe(true);
    expect(ownReseller(desk, 'R7')).toBe('R7');
    expect(ownReseller(desk, null)).toBeNull();
  });

  it('trusts the system (jobs, scripts) with every record', () => {
    expect(actingFor(systemContext(clock, 'system:test'), 'R9', Permission.StaffManage).principal).toBeNull();
  });
});

describe('services check ownership themselves, so no caller can skip it', () => {
  let t: TestApp;
  let mine: string;
  let other: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedUsers(t.app);
    const system = systemContext(t.clock, 'system:test');
    const created = await t.app.resellers.create(system, {
      companyName: 'Other Reseller',
      marketplaceId: 'MP-900001',
      bcn: '20-900001',
      address: { line1: '1 Main St', city: 'Austin', region: 'TX', postalCode: '73301', country: 'US' },
      contact: { name: 'Olga', email: 'olga@other.example', phone: '+15125550100' },
    });
    if (!created.ok) throw new Error(JSON.stringify(created.failure));
    other = created.value.id;
    mine = (await t.app.db.read.query("SELECT id FROM reseller WHERE marketplace_id <> 'MP-900001'"))[0].id;
  });
  afterAll(() => t?.close());

  it('refuses a reseller’s user another reseller’s orders, credit, cart and support cases, and writes nothing', async () => {
    const rita = as(resellerUser(mine));
    await expect(t.app.orders.list(rita, { resellerId: other }, 10)).rejects.toThrow(Forbidden);
    await expect(t.app.terms.standing(rita, other)).rejects.toThrow(Forbidden);
    await expect(t.app.carts.add(rita, other, 1)).rejects.toThrow(Forbidden);
    await expect(t.app.purchases.buy(rita, other, { idempotencyKey: 'key-12345678' })).rejects.toThrow(Forbidden);
    await expect(
      t.app.cases.open(rita, other, { type: 'OTHER', subject: 'Not mine', text: 'Trying.' }),
    ).rejects.toThrow(Forbidden);
    expect(await t.app.db.read.countBy(SupportCaseEntity, { resellerId: other })).toBe(0);
    // Asking for another reseller's customers answers the caller's own.
    const listed = await t.app.customers.list(rita, { resellerId: other }, 100);
    expect(listed.customers.every((c) => c.resellerId === mine)).toBe(true);
  });

  it('refuses staff an action their role does not hold, and lets the system act for any reseller', async () => {
    const credit = as(staff('credit'));
    await expect(
      t.app.cases.open(credit, other, { type: 'OTHER', subject: 'Credit desk', text: 'Not our desk.' }),
    ).rejects.toThrow(Forbidden);
    await expect(t.app.staff.list(credit, {}, 10)).rejects.toThrow(Forbidden);
    const opened = await t.app.cases.open(systemContext(t.clock, 'system:test'), other, {
      type: 'OTHER',
      subject: 'From a job',
      text: 'The system may.',
    });
    expect(opened.ok).toBe(true);
  });
});

describe('the open transaction travels in the request context', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());
  const entries = (entityId: string) => t.app.db.read.countBy(AuditEntryEntity, { entityId });

  it('writes what another context records in the caller’s transaction: a rollback takes it back too', async () => {
    const ctx = systemContext(t.clock, 'system:test');
    await expect(
      t.app.db.transaction(ctx, async (tx) => {
        await t.app.audit.record(tx, { operation: 'test.rolledBack', entityType: 'Test', entityId: 'tx-1' });
        await t.app.mail.enqueue(tx, { to: 'a@example.test', subject: 'never sent', body: 'x' }, 'tx-1');
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await entries('tx-1')).toBe(0);
    expect(await t.app.db.read.countBy(JobEntity, { key: `${SEND_MAIL_JOB}:tx-1` })).toBe(0);

    await t.app.db.transaction(ctx, (tx) =>
      t.app.audit.record(tx, { operation: 'test.committed', entityType: 'Test', entityId: 'tx-2' }),
    );
    expect(await entries('tx-2')).toBe(1);
  });

  it('joins the open transaction when one is opened with a context inside it, rather than waiting on itself', async () => {
    const ctx = systemContext(t.clock, 'system:test');
    await expect(
      t.app.db.transaction(ctx, async (outer) => {
        await t.app.db.transaction(outer, async (inner) => {
          expect(inner.transaction).toBe(outer.transaction);
          await t.app.audit.record(inner, { operation: 'test.joined', entityType: 'Test', entityId: 'tx-3' });
        });
        throw new Error('the outer change failed');
      }),
    ).rejects.toThrow('the outer change failed');
    expect(await entries('tx-3')).toBe(0);
  });

  it('refuses a write that must commit with its change when no transaction is open', async () => {
    await expect(
      t.app.audit.record(systemContext(t.clock, 'system:test'), {
        operation: 'x',
        entityType: 'Test',
        entityId: 'tx-4',
      }),
    ).rejects.toThrow(/only inside a transaction/);
    expect(await entries('tx-4')).toBe(0);
  });

  it('keeps the transaction when a staff user acts on a reseller’s behalf inside it', async () => {
    await t.app.db.transaction(as(staff('admin')), async (tx) => {
      const actor = actingFor(tx, 'R9', Permission.ResellersManage);
      expect(actor.transaction).toBe(tx.transaction);
      expect(actor.onBehalfOfResellerId).toBe('R9');
    });
  });
});

describe('one result contract, one mapping to GraphQL', () => {
  it('maps a value with the success mapper and the common failures to their members', () => {
    expect(toUnion(ok(3), (n) => ({ n }))).toEqual({ n: 3 });
    const refusedFields = toUnion(
      invalid([{ field: 'email', code: 'REQUIRED', message: 'Enter the email.' }]),
      (n: number) => n,
    );
    expect(refusedFields).toBeInstanceOf(ValidationFailed);
    expect(refusedFields).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Enter the email.',
      fields: [{ field: 'email' }],
      fix: { field: 'email' },
    });
    expect(toUnion(versionConflict('case', 7), (n: number) => n)).toMatchObject({
      code: 'VERSION_CONFLICT',
      currentVersion: 7,
      fix: { label: 'Reload and edit again' },
    });
    expect(toUnion(versionConflict('case', 7), (n: number) => n)).toBeInstanceOf(VersionConflict);
    expect(toUnion(notFound('case', 'No case 9.'), (n: number) => n)).toBeInstanceOf(NotFound);
  });

  it('uses the member a union names for a code, and OperationRefused for any other code', () => {
    class Special extends BusinessError {}
    const special = (failure: { code: string; message: string }) =>
      Object.assign(new Special(), { code: failure.code, message: failure.message, fix: null });
    expect(toUnion(fail('SPECIAL', 'A special refusal.'), (n: number) => n, { SPECIAL: special })).toBeInstanceOf(
      Special,
    );
    const other = toUnion(
      fail('OTHER', 'Another refusal.', { fix: { kind: 'link', label: 'Read why', href: '/why' } }),
      (n: number) => n,
      { SPECIAL: special },
    );
    expect(other).toBeInstanceOf(OperationRefused);
    expect(other).toMatchObject({
      code: 'OTHER',
      message: 'Another refusal.',
      fix: { kind: 'link', label: 'Read why', href: '/why' },
    });
    // A union with one failure member takes it for every code.
    expect(toUnion(fail('ANY', 'Any.'), (n: number) => n, special)).toBeInstanceOf(Special);
  });
});
