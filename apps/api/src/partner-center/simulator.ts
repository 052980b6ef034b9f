import { randomInt, randomUUID } from 'node:crypto';
import { allowedTermEnds, generatePassword, termEndOf, type AllowedTermEnd } from '@nce/domain';
import type { Database } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import { systemContext, type RequestContext } from '../platform/request-context.js';
import { createHash } from 'node:crypto';
import {
  DomainTakenError,
  ProvisioningError,
  type CancellationRequest,
  type CreatedTenant,
  type CustomerTenant,
  type NewTenantRequest,
  type PartnerCenter,
  type ProvisionLineRequest,
  type PartnerLookup,
  SubscriptionBusy,
  SubscriptionChangeRefused,
  SubscriptionEtagStale,
  type PartnerSubscription,
  type SubscriptionPatch,
  type SubscriptionTransition,
  type TransitionEligibility,
  type TransitionEligibilityRequest,
} from './partner-center.js';
import type { SimSubscriptionEntity } from './sim-subscription.entity.js';
import type { SimulatorRepository, TenantRow } from './simulator.repository.js';

const isTermDuration = (term: string): term is 'P1M' | 'P1Y' | 'P3Y' =>
  term === 'P1M' || term === 'P1Y' || term === 'P3Y';

const toCustomerTenant = (row: TenantRow): CustomerTenant => ({
  tenantId: row.tenantId,
  domain: row.domain,
  companyName: row.companyName,
  government: row.government,
  relationshipAccepted: row.relationshipAccepted,
  indirectResellers: coveredResellers(row.indirectResellers),
});

export const coveredResellers = (column: string): string[] =>
  column
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);

/**
 * The default Partner Center: deterministic, answering from the sim_partner and sim_tenant tables,
 * which staff can edit to show every failure in a demo.
 */
export class PartnerCenterSimulator implements PartnerCenter {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly world: SimulatorRepository,
    /** How long Microsoft takes to set a new subscription up (the marketplace's provisioning delay). */
    private readonly provisioningDelayMs = 0,
  ) {}

  private get system(): RequestContext {
    return systemContext(this.clock, 'system:simulator');
  }

  async lookupPartner(mpnId: string): Promise<PartnerLookup> {
    const partner = await this.world.partner(this.system, mpnId);
    if (!partner) return { exists: false };
    return {
      exists: true,
      kind: partner.kind,
      cspIndirectReseller: partner.cspIndirectReseller,
      companyName: partner.companyName,
    };
  }

  async hasRelationshipWithDistributor(mpnId: string): Promise<boolean> {
    const partner = await this.world.partner(this.system, mpnId);
    return partner?.relationshipWithDistributor ?? false;
  }

  async domainExists(domain: string): Promise<boolean> {
    return this.world.domainTaken(domain.toLowerCase());
  }

  /** Asked before every purchase and every provisioned line: hand-written SQL, no entity hydration. */
  async findCustomerTenant(domain: string): Promise<CustomerTenant | null> {
    const tenant = await this.world.tenantRow({ domain: domain.toLowerCase() });
    return tenant ? toCustomerTenant(tenant) : null;
  }

  async createCustomerTenant(request: NewTenantRequest): Promise<CreatedTenant> {
    const domain = request.domain.toLowerCase();
    return this.db.transaction(this.system, async (tx) => {
      const tenantId = randomUUID();
      // A tenant the marketplace created has the distributor as its provider from the start.
      const inserted = await this.world.insertTenant(tx, {
        domain,
        tenantId,
        companyName: request.companyName,
        government: false,
        relationshipAccepted: true,
        indirectResellers: request.indirectReseller ?? '',
        createdByMarketplace: true,
        provisioningFails: false,
        subscriptionChanges: 'ACCEPT',
        createdAt: this.clock.now().toISOString(),
      });
      if (!inserted) throw new DomainTakenError(domain);
      return { tenantId, domain, adminUser: `admin@${domain}`, temporaryPassword: generatePassword(randomInt) };
    });
  }

  async provisionLine(request: ProvisionLineRequest): Promise<{ subscriptionId: string; etag: string }> {
    const row = await this.world.tenantRow({ tenantId: request.tenantId });
    if (!row) throw new ProvisioningError(`no tenant ${request.tenantId}`);
    const tenant = { ...toCustomerTenant(row), provisioningFails: row.provisioningFails };
    if (tenant.provisioningFails)
      throw new ProvisioningError(`Microsoft refused provisioning into ${tenant.domain} (simulated failure)`);
    if (!tenant.relationshipAccepted)
      throw new ProvisioningError(`${tenant.domain} has not accepted the distributor as its provider`);
    // The same reference always yields the same subscription: a retried provisioning doubles nothing.
    const digest = createHash('sha256').update(request.reference).digest('hex');
    const subscriptionId = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`;
    return this.db.transaction(this.system, async (tx) => {
      const known = await this.world.subscription(tx, subscriptionId);
      if (known) return { subscriptionId, etag: known.etag };
      const now = this.clock.now();
      const term = isTermDuration(request.term) ? request.term : null;
      // S15: Microsoft takes a custom end only among the dates it offers the tenant today.
      if (term && request.customTermEndDate) {
        const day = request.customTermEndDate.slice(0, 10);
        const allowed = await this.customTermEndDates({ tenantId: request.tenantId, termDuration: term });
        if (!allowed.some((end) => end.date === day))
          throw new ProvisioningError(
            `customTermEndDate ${day} is not allowed for ${tenant.domain} (allowed: ${allowed.map((e) => e.date).join(', ')})`,
          );
      }
      const etag = digest.slice(32, 64);
      await this.world.insertSubscription(tx, {
        subscriptionId,
        tenantId: request.tenantId,
        etag,
        quantity: request.quantity,
        status: 'active',
        autoRenew: true,
        term,
        termEnd: term ? (request.customTermEndDate ?? termEndOf(now, term).toISOString()) : null,
        createdAt: this.clock.now().toISOString(),
        updatedAt: this.clock.now().toISOString(),
      });
      return { subscriptionId, etag };
    });
  }

  /**
   * Pending for the provisioning delay after Microsoft was asked, then set up. A subscription provisioned before
   * the simulator kept them is set up.
   */
  async provisioningStatus(request: { tenantId: string; subscriptionId: string }): Promise<'pending' | 'success'> {
    const known = await this.world.subscription(this.system, request.subscriptionId);
    if (!known) return 'success';
    const ready = Date.parse(known.createdAt) + this.provisioningDelayMs;
    return this.clock.now().getTime() >= ready ? 'success' : 'pending';
  }

  /** Microsoft accepts any cancellation the marketplace decided was inside the window; nothing to keep here. */
  /**
   * Removes seats (R24, inside the window) or, all of them, cancels the subscription. The same reference again changes
   * nothing: the etag it leaves names the reference.
   */
  async cancelSeats(request: CancellationRequest): Promise<void> {
    if (!request.subscriptionId || request.quantity < 1) throw new ProvisioningError('nothing to cancel');
    const etag = createHash('sha256').update(`cancel:${request.reference}`).digest('hex').slice(0, 32);
    await this.db.transaction(this.system, async (tx) => {
      const known = await this.world.subscription(tx, request.subscriptionId);
      if (!known || known.etag === etag) return;
      const quantity = Math.max(0, known.quantity - request.quantity);
      await this.world.saveSubscription(tx, {
        ...known,
        quantity,
        status: quantity === 0 ? 'deleted' : known.status,
        etag,
        updatedAt: this.clock.now().toISOString(),
      });
    });
  }

  /**
   * Accepts a change whose body is the whole resource, as Microsoft's does; the new etag is derived from the old
   * one and the body, so the same change always answers the same etag. The marketplace decides the rules first.
   */
  async patchSubscription(request: SubscriptionPatch): Promise<{ etag: string }> {
    if (typeof request.autoRenewEnabled !== 'boolean')
      throw new SubscriptionChangeRefused('the body must carry autoRenewEnabled, or auto-renew is turned off');
    if (!request.etag) throw new SubscriptionChangeRefused('If-Match: the etag is missing');
    await this.scenarioOf(request.tenantId);
    if (request.status !== 'deleted' && (!Number.isSafeInteger(request.quantity) || request.quantity < 1))
      throw new SubscriptionChangeRefused(`quantity ${request.quantity} is not allowed`);
    return this.db.transaction(this.system, async (tx) => {
      const known = await this.world.subscription(tx, request.subscriptionId);
      if (known && known.etag !== request.etag)
        throw new SubscriptionEtagStale(`the subscription changed since etag ${request.etag} (412)`);
      const etag = createHash('sha256').update(JSON.stringify(request)).digest('hex').slice(0, 32);
      await this.world.saveSubscription(tx, {
        subscriptionId: request.subscriptionId,
        tenantId: request.tenantId,
        etag,
        quantity: request.quantity,
        status: request.status,
        autoRenew: request.autoRenewEnabled,
        term: known?.term ?? null,
        termEnd: known?.termEnd ?? null,
        createdAt: known?.createdAt ?? this.clock.now().toISOString(),
        updatedAt: this.clock.now().toISOString(),
      });
      return { etag };
    });
  }

  /** The subscription as provisioned or last changed; one made before the simulator kept them is unknown. */
  async getSubscription(request: {
    tenantId: string | null;
    subscriptionId: string;
  }): Promise<PartnerSubscription | null> {
    const known = await this.world.subscription(this.system, request.subscriptionId);
    if (!known || (request.tenantId && known.tenantId && known.tenantId !== request.tenantId)) return null;
    return subscriptionOf(known, this.clock.now());
  }

  async listSubscriptions(request: { tenantId: string }): Promise<PartnerSubscription[]> {
    const now = this.clock.now();
    return (await this.world.subscriptionsOf(this.system, request.tenantId)).map((s) => subscriptionOf(s, now));
  }

  /** Accepts an upgrade the marketplace decided on, as the tenant's scenario says (accepted, refused, busy). */
  /**
   * A transition as Microsoft answers it: the subscription the seats went to, which is a new one when only some
   * seats moved (the caller knows which it asked for; the id is derived from the request, so a retry names it again).
   */
  async transitionSubscription(request: SubscriptionTransition): Promise<{ etag: string; toSubscriptionId: string }> {
    if ((await this.scenarioOf(request.tenantId)) === 'NO_UPGRADES')
      throw new SubscriptionChangeRefused('the subscription is not eligible for this transition (simulated)');
    if (!Number.isSafeInteger(request.quantity) || request.quantity < 1)
      throw new SubscriptionChangeRefused(`quantity ${request.quantity} is not allowed`);
    const digest = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    await this.db.transaction(this.system, async (tx) => {
      // The subscription the seats left has changed: its next change names the etag answered here.
      const known = await this.world.subscription(tx, request.subscriptionId);
      if (known)
        await this.world.saveSubscription(tx, {
          ...known,
          etag: digest.slice(0, 32),
          updatedAt: this.clock.now().toISOString(),
        });
    });
    return {
      etag: digest.slice(0, 32),
      toSubscriptionId: `${digest.slice(32, 40)}-${digest.slice(40, 44)}-${digest.slice(44, 48)}-${digest.slice(48, 52)}-${digest.slice(52, 64)}`,
    };
  }

  /**
   * Eligible unless the tenant's scenario says no upgrades are (Microsoft's answer for, e.g., a subscription whose
   * SKU has no path or whose tenant has a conflicting licence); busy as the scenario says.
   */
  async transitionEligibility(request: TransitionEligibilityRequest): Promise<TransitionEligibility> {
    const scenario = request.tenantId
      ? (await this.world.tenantRow({ tenantId: request.tenantId }))?.subscriptionChanges
      : null;
    if (scenario === 'BUSY') throw new SubscriptionBusy('the subscription is busy (simulated 409)');
    if (!request.toCatalogItemId.includes(':'))
      return { eligible: false, reasons: [`${request.toCatalogItemId} is not a catalog item`] };
    if (scenario === 'NO_UPGRADES')
      return {
        eligible: false,
        reasons: [
          request.eligibilityType === 'scheduled'
            ? 'The subscription is not eligible for this transition at its renewal (simulated)'
            : 'The subscription is not eligible for this transition now (simulated)',
        ],
      };
    return { eligible: true, reasons: [] };
  }

  /**
   * S15: the month-aligned end and the ends of the tenant's active subscriptions a new one may co-term with. A
   * subscription's term end moves on a term at a time while it auto-renews, as Microsoft renews it.
   */
  async customTermEndDates(request: {
    tenantId: string;
    termDuration: 'P1M' | 'P1Y' | 'P3Y';
  }): Promise<AllowedTermEnd[]> {
    const now = this.clock.now();
    const held = await this.world.subscriptionsOf(this.system, request.tenantId);
    const current = held.flatMap((s) => {
      if (s.status !== 'active' || !s.term || !isTermDuration(s.term)) return [];
      const end = currentTermEnd(s, now);
      return end && end.getTime() > now.getTime() ? [{ id: s.subscriptionId, term: s.term, termEnd: end }] : [];
    });
    return allowedTermEnds(now, request.termDuration, current);
  }

  /** Throws what the tenant's staff-chosen scenario answers for a subscription change; answers the scenario. */
  private async scenarioOf(tenantId: string | null): Promise<string | null> {
    const tenant = tenantId ? await this.world.tenantRow({ tenantId }) : null;
    if (tenant?.subscriptionChanges === 'REFUSE')
      throw new SubscriptionChangeRefused(`the change was refused for ${tenant.domain} (simulated)`);
    if (tenant?.subscriptionChanges === 'BUSY')
      throw new SubscriptionBusy(`${tenant.domain} is busy with this subscription (simulated 409)`);
    return tenant?.subscriptionChanges ?? null;
  }
}

/** A simulated subscription as Partner Center's REST API describes one. */
const subscriptionOf = (known: SimSubscriptionEntity, now: Date): PartnerSubscription => ({
  id: known.subscriptionId,
  etag: known.etag,
  quantity: known.quantity,
  status: known.status,
  autoRenewEnabled: known.autoRenew,
  commitmentEndDate: currentTermEnd(known, now)?.toISOString() ?? known.termEnd,
});

/** Microsoft renews an auto-renewing subscription by itself: its term end moves a term on each time it passes. */
function currentTermEnd(s: SimSubscriptionEntity, now: Date): Date | null {
  if (!s.termEnd || !s.term || !isTermDuration(s.term)) return null;
  let end = new Date(s.termEnd);
  while (end.getTime() <= now.getTime() && s.autoRenew && s.status === 'active') end = termEndOf(end, s.term);
  return end;
}
