import { systemContext } from '../platform/request-context.js';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CustomerEntity } from '../customers/customer.entity.js';
import { ResellerEntity } from '../resellers/reseller.entity.js';
import { createTestApp } from '../test-support/test-app.js';
import { seedUsers } from '../test-support/users.js';
import { OrderLineEntity, SalesOrderEntity } from './entities.js';

describe('staff order list cost', () => {
  it('costs the same number of SQL statements (one) for a page of 5 and a page of 100 orders with their lines', async () => {
    const t = await createTestApp();
    try {
      await seedUsers(t.app);
      const reseller = await t.app.db.read.findOneByOrFail(ResellerEntity, { marketplaceId: 'MP-100001' });
      const customer = await t.app.db.read.findOneByOrFail(CustomerEntity, { portalLogin: 'contoso.pharmacy' });
      await t.app.db.transaction(async (m) => {
        for (let i = 0; i < 120; i += 1) {
          const id = randomUUID();
          const at = new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString();
          await m.insert(SalesOrderEntity, {
            id,
            soNumber: `SO-20261101-${String(i + 1).padStart(6, '0')}`,
            resellerId: reseller.id,
            customerId: customer.id,
            status: 'PROVISIONED',
            paymentMethod: 'CREDIT_CARD',
            poNumber: null,
            currency: 'USD',
            totalMinor: 1000,
            idempotencyKey: `seed-${i}`,
            requestHash: 'x',
            tenantDomain: 'contoso.onmicrosoft.com',
            placedByUserId: null,
            placedAt: at,
            provisionedAt: at,
            failureReason: null,
            updatedAt: at,
            version: 1,
          });
          // Written last line first: the list still shows each order's lines by line number.
          for (let n = 3; n >= 1; n -= 1) {
            await m.insert(OrderLineEntity, {
              id: randomUUID(),
              orderId: id,
              lineNumber: n,
              priceId: 1,
              productId: 'P',
              productTitle: 'Product',
              skuId: '0001',
              skuTitle: 'SKU',
              term: 'P1Y',
              billingPlan: 'MONTHLY',
              quantity: 1,
              unitPriceMinor: 333,
              lineTotalMinor: 333,
              subscriptionId: null,
              returnedQuantity: 0,
              status: 'PROVISIONED',
            });
          }
        }
      });
      const statementsFor = async (first: number) => {
        t.app.db.statements.reset();
        const page = await t.app.orders.list(systemContext(t.app.clock, 'test'), {}, first);
        expect(page.orders).toHaveLength(first);
        expect(page.orders.every((o) => o.lines.length === 3 && o.resellerName && o.customerName)).toBe(true);
        expect(new Set(page.orders.map((o) => o.lines.map((l) => l.lineNumber).join()))).toEqual(new Set(['1,2,3']));
        return t.app.db.statements.count;
      };
      const small = await statementsFor(5);
      expect(await statementsFor(100)).toBe(small);
      expect(small).toBe(1);
    } finally {
      await t.close();
    }
  });
});
