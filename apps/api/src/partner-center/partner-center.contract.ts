import { describe, expect, it } from 'vitest';
import { DomainTakenError, SubscriptionEtagStale, type PartnerCenter } from './partner-center.js';

/** What a contract run needs from the Partner Center behind the port: the port, and a way to arrange its world. */
export interface ContractWorld {
  pc: PartnerCenter;
  /** An indirect reseller Microsoft knows, enrolled, with a relationship with the distributor. */
  addReseller(mpnId: string, companyName: string): Promise<void>;
  /** A domain someone else holds. */
  takeDomain(domain: string): Promise<void>;
  /** A product and SKU Microsoft sells, monthly and yearly. */
  product: { productId: string; skuId: string };
  /** Lets the time pass that Microsoft takes to set a new subscription up. */
  settle(): void;
  /** Another product a subscription of `product` may move to. */
  upgrade: { productId: string; skuId: string };
}

const unique = () => Math.random().toString(36).slice(2, 10);

const billing = {
  email: 'it@contract.example',
  firstName: 'Dana',
  lastName: 'Contract',
  phone: '+1 425 555 0100',
  address: { line1: '1 Main St', line2: null, city: 'Redmond', region: 'WA', postalCode: '98052', country: 'US' },
};

/**
 * One contract for every implementation of the Partner Center port: the simulator and the live adapter (against a
 * fake Partner Center written from Microsoft's reference) must answer the same calls the same way.
 */
export function partnerCenterContract(name: string, world: () => ContractWorld): void {
  describe(`Partner Center contract: ${name}`, () => {
    const mpn = String(6_000_000 + Math.floor(Math.random() * 999_999));

    async function tenantWithSubscription(quantity = 5) {
      const w = world();
      await w.addReseller(mpn, 'Contract Reseller');
      const created = await w.pc.createCustomerTenant({
        domain: `contract${unique()}.onmicrosoft.com`,
        companyName: 'Contract Customer',
        indirectReseller: mpn,
        billing,
      });
      const reference = `contract-order-${unique()}:1`;
      const bought = await w.pc.provisionLine({
        tenantId: created.tenantId,
        ...w.product,
        term: 'P1M',
        billingPlan: 'MONTHLY',
        quantity,
        transactionReseller: mpn,
        reference,
      });
      return { w, created, reference, bought };
    }

    it('looks partners up by MPN ID, and knows which resell for the distributor', async () => {
      const w = world();
      await w.addReseller(mpn, 'Contract Reseller');
      expect(await w.pc.lookupPartner(mpn)).toMatchObject({
        exists: true,
        cspIndirectReseller: true,
        companyName: 'Contract Reseller',
      });
      expect(await w.pc.hasRelationshipWithDistributor(mpn)).toBe(true);
      expect(await w.pc.lookupPartner('9999991')).toEqual({ exists: false });
      expect(await w.pc.hasRelationshipWithDistributor('9999991')).toBe(false);
    });

    it('tells a taken domain from a free one', async () => {
      const w = world();
      const taken = `taken${unique()}.onmicrosoft.com`;
      await w.takeDomain(taken);
      expect(await w.pc.domainExists(taken)).toBe(true);
      expect(await w.pc.domainExists(`free${unique()}.onmicrosoft.com`)).toBe(false);
    });

    it('creates a customer tenant for a reseller, finds it by domain, and refuses the domain a second time', async () => {
      const w = world();
      await w.addReseller(mpn, 'Contract Reseller');
      const domain = `newco${unique()}.onmicrosoft.com`;
      const created = await w.pc.createCustomerTenant({
        domain,
        companyName: 'NewCo',
        indirectReseller: mpn,
        billing,
      });
      expect(created.tenantId).toMatch(/^[0-9a-f-]{36}$/i);
      expect(created.domain).toBe(domain);
      expect(created.adminUser).toContain(domain);
      expect(created.temporaryPassword.length).toBeGreaterThan(6);
      expect(await w.pc.domainExists(domain)).toBe(true);
      expect(await w.pc.findCustomerTenant(domain)).toMatchObject({
        tenantId: created.tenantId,
        domain,
        relationshipAccepted: true,
        indirectResellers: [mpn],
      });
      expect(await w.pc.findCustomerTenant(`nobody${unique()}.onmicrosoft.com`)).toBeNull();
      await expect(
        w.pc.createCustomerTenant({ domain, companyName: 'NewCo again', indirectReseller: mpn, billing }),
      ).rejects.toBeInstanceOf(DomainTakenError);
    });

    it('buys a line once per reference, and shows the subscription it made', async () => {
      const { w, created, reference, bought } = await tenantWithSubscription(5);
      expect(bought.subscriptionId).toBeTruthy();
      expect(bought.etag).toBeTruthy();
      const again = await w.pc.provisionLine({
        tenantId: created.tenantId,
        ...w.product,
        term: 'P1M',
        billingPlan: 'MONTHLY',
        quantity: 5,
        transactionReseller: mpn,
        reference,
      });
      expect(again.subscriptionId).toBe(bought.subscriptionId);
      const shown = await w.pc.getSubscription({ tenantId: created.tenantId, subscriptionId: bought.subscriptionId });
      expect(shown).toMatchObject({ id: bought.subscriptionId, quantity: 5, status: 'active', autoRenewEnabled: true });
      expect(shown?.commitmentEndDate).toMatch(/^\d{4}-\d{2}-\d{2}/);
      const listed = await w.pc.listSubscriptions({ tenantId: created.tenantId });
      expect(listed.map((s) => s.id)).toEqual([bought.subscriptionId]);
      w.settle();
      expect(await w.pc.provisioningStatus({ tenantId: created.tenantId, subscriptionId: bought.subscriptionId })).toBe(
        'success',
      );
    });

    it('changes a subscription with its etag, keeps auto-renew, and refuses a stale etag', async () => {
      const { w, created, bought } = await tenantWithSubscription(5);
      const current = await w.pc.getSubscription({ tenantId: created.tenantId, subscriptionId: bought.subscriptionId });
      const patch = {
        tenantId: created.tenantId,
        subscriptionId: bought.subscriptionId,
        quantity: 7,
        status: 'active' as const,
        autoRenewEnabled: true,
        scheduledNextTermInstructions: null,
      };
      const changed = await w.pc.patchSubscription({ ...patch, etag: current!.etag });
      expect(changed.etag).toBeTruthy();
      expect(changed.etag).not.toBe(current!.etag);
      expect(
        await w.pc.getSubscription({ tenantId: created.tenantId, subscriptionId: bought.subscriptionId }),
      ).toMatchObject({ quantity: 7, autoRenewEnabled: true, etag: changed.etag });
      await expect(w.pc.patchSubscription({ ...patch, quantity: 8, etag: current!.etag })).rejects.toBeInstanceOf(
        SubscriptionEtagStale,
      );
    });

    it('removes seats once per reference', async () => {
      const { w, created, bought } = await tenantWithSubscription(5);
      const cancel = {
        tenantId: created.tenantId,
        subscriptionId: bought.subscriptionId,
        quantity: 2,
        reference: `return-${unique()}`,
      };
      await w.pc.cancelSeats(cancel);
      await w.pc.cancelSeats(cancel);
      expect(
        await w.pc.getSubscription({ tenantId: created.tenantId, subscriptionId: bought.subscriptionId }),
      ).toMatchObject({ quantity: 3 });
    });

    it('offers the month end as a first term’s end, and answers whether an upgrade is eligible', async () => {
      const { w, created, bought } = await tenantWithSubscription(3);
      const ends = await w.pc.customTermEndDates({ tenantId: created.tenantId, termDuration: 'P1M' });
      const monthEnd = ends.find((e) => e.kind === 'CALENDAR_MONTH');
      expect(monthEnd?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const day = new Date(`${monthEnd!.date}T00:00:00Z`);
      expect(new Date(day.getTime() + 86_400_000).getUTCDate()).toBe(1);
      const eligibility = await w.pc.transitionEligibility({
        tenantId: created.tenantId,
        subscriptionId: bought.subscriptionId,
        toCatalogItemId: `${w.upgrade.productId}:${w.upgrade.skuId}`,
        eligibilityType: 'immediate',
      });
      expect(eligibility).toEqual({ eligible: true, reasons: [] });
      const moved = await w.pc.transitionSubscription({
        tenantId: created.tenantId,
        subscriptionId: bought.subscriptionId,
        toCatalogItemId: `${w.upgrade.productId}:${w.upgrade.skuId}`,
        quantity: 3,
        transitionType: 'transition_only',
      });
      expect(moved.etag).toBeTruthy();
      expect(moved.toSubscriptionId).toBeTruthy();
    });
  });
}
