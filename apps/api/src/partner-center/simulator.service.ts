import { randomUUID } from 'node:crypto';
import { parseExistingTenantDomain, parseMpnId, requireText, type FieldError } from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import { changesBetween } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { Permission } from '../platform/permissions.js';
import { requirePermission, type RequestContext } from '../platform/request-context.js';
import { invalid, notFound, ok, type Result } from '../platform/result.js';
import type { Clock } from '../platform/clock.js';
import type { SimPartnerEntity } from './sim-partner.entity.js';
import { coveredResellers } from './simulator.js';
import type { SimulatorRepository } from './simulator.repository.js';
import { SUBSCRIPTION_SCENARIOS, type SimTenantEntity, type SubscriptionScenario } from './sim-tenant.entity.js';

/** Staff shape the simulator's world, so a demo can show every answer Microsoft can give. */
export class SimulatorService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly world: SimulatorRepository,
  ) {}

  partners(ctx: RequestContext): Promise<SimPartnerEntity[]> {
    requirePermission(ctx, Permission.SimulatorManage);
    return this.world.partners();
  }

  tenants(ctx: RequestContext): Promise<SimTenantEntity[]> {
    requirePermission(ctx, Permission.SimulatorManage);
    return this.world.tenants();
  }

  async savePartner(
    actor: RequestContext,
    input: Omit<SimPartnerEntity, 'tenantDomain'> & { tenantDomain?: string | null },
  ): Promise<Result<SimPartnerEntity>> {
    requirePermission(actor, Permission.SimulatorManage);
    const fields: FieldError[] = [];
    const mpn = parseMpnId(input.mpnId);
    if (!mpn.ok) fields.push({ field: 'mpnId', code: mpn.code, message: mpn.message });
    const companyName = requireText(fields, 'companyName', input.companyName, 'Company name');
    if (input.kind !== 'LOCATION' && input.kind !== 'GLOBAL')
      fields.push({ field: 'kind', code: 'KIND_UNKNOWN', message: 'Kind is LOCATION or GLOBAL.' });
    const domain = input.tenantDomain ? parseExistingTenantDomain(input.tenantDomain) : null;
    if (domain && !domain.ok) fields.push({ field: 'tenantDomain', code: domain.code, message: domain.message });
    if (fields.length || !mpn.ok) return invalid(fields);
    const partner: SimPartnerEntity = {
      mpnId: mpn.value,
      companyName,
      kind: input.kind,
      cspIndirectReseller: input.cspIndirectReseller,
      relationshipWithDistributor: input.relationshipWithDistributor,
      tenantDomain: domain && domain.ok ? domain.value.domain : null,
    };
    await this.db.transaction(actor, async (tx) => {
      const before = await this.world.partner(tx, partner.mpnId);
      await this.world.savePartner(tx, partner);
      await this.audit.record(tx, {
        operation: 'simulator.savePartner',
        entityType: 'SimPartner',
        entityId: partner.mpnId,
        changes: changesBetween(before ? { ...before } : null, { ...partner }),
      });
    });
    return ok(partner);
  }

  async saveTenant(
    actor: RequestContext,
    input: {
      domain: string;
      companyName: string;
      government: boolean;
      relationshipAccepted: boolean;
      indirectResellers?: string[] | null;
      provisioningFails?: boolean | null;
      subscriptionChanges?: string | null;
    },
  ): Promise<Result<SimTenantEntity>> {
    requirePermission(actor, Permission.SimulatorManage);
    const fields: FieldError[] = [];
    const domain = parseExistingTenantDomain(input.domain);
    if (!domain.ok) fields.push({ field: 'domain', code: domain.code, message: domain.message });
    const companyName = requireText(fields, 'companyName', input.companyName, 'Company name');
    const scenario = input.subscriptionChanges ?? null;
    if (scenario !== null && !(SUBSCRIPTION_SCENARIOS as readonly string[]).includes(scenario))
      fields.push({
        field: 'subscriptionChanges',
        code: 'UNKNOWN_SCENARIO',
        message: `Subscription changes are ${SUBSCRIPTION_SCENARIOS.join(', ')}.`,
      });
    if (fields.length || !domain.ok) return invalid(fields);
    return this.db.transaction(actor, async (tx) => {
      const before = await this.world.tenant(tx, domain.value.domain);
      const tenant: SimTenantEntity = {
        domain: domain.value.domain,
        tenantId: before?.tenantId ?? randomUUID(),
        companyName,
        government: input.government,
        relationshipAccepted: input.relationshipAccepted,
        indirectResellers: input.indirectResellers
          ? input.indirectResellers
              .map((id) => id.trim())
              .filter(Boolean)
              .join(',')
          : (before?.indirectResellers ?? ''),
        createdByMarketplace: before?.createdByMarketplace ?? false,
        provisioningFails: input.provisioningFails ?? before?.provisioningFails ?? false,
        subscriptionChanges: (scenario as SubscriptionScenario | null) ?? before?.subscriptionChanges ?? 'ACCEPT',
        createdAt: before?.createdAt ?? this.clock.now().toISOString(),
      };
      await this.world.saveTenant(tx, tenant);
      await this.audit.record(tx, {
        operation: 'simulator.saveTenant',
        entityType: 'SimTenant',
        entityId: tenant.domain,
        changes: changesBetween(before ? { ...before } : null, { ...tenant }),
      });
      return { ok: true as const, value: tenant };
    });
  }

  /** R21: the customer's global admin accepts the universal authorisation link (simulated by staff). */
  /**
   * The customer's admin accepts the invitation: for the distributor, and for the indirect reseller it names, if any.
   */
  async acceptRelationship(
    actor: RequestContext,
    domain: string,
    indirectReseller: string | null = null,
  ): Promise<Result<SimTenantEntity>> {
    requirePermission(actor, Permission.SimulatorManage);
    return this.db.transaction(actor, async (tx) => {
      const tenant = await this.world.tenant(tx, domain.trim().toLowerCase());
      if (!tenant) return notFound('tenant', `No tenant with id ${domain}.`);
      const covered = coveredResellers(tenant.indirectResellers);
      const indirectResellers =
        indirectReseller && !covered.includes(indirectReseller.trim())
          ? [...covered, indirectReseller.trim()].join(',')
          : tenant.indirectResellers;
      await this.world.setRelationship(tx, tenant.domain, indirectResellers);
      await this.audit.record(tx, {
        operation: 'simulator.acceptRelationship',
        entityType: 'SimTenant',
        entityId: tenant.domain,
        changes: {
          relationshipAccepted: { before: tenant.relationshipAccepted, after: true },
          indirectResellers: { before: tenant.indirectResellers, after: indirectResellers },
        },
      });
      return ok({ ...tenant, relationshipAccepted: true, indirectResellers });
    });
  }

  /**
   * Changes a subscription in Partner Center as if someone had done it there directly (a seat added, auto-renew
   * turned, the term end moved, the subscription gone), so staff can see the drift check find it.
   */
  async plantDrift(
    actor: RequestContext,
    subscriptionId: string,
    kind: 'QUANTITY' | 'AUTO_RENEW' | 'TERM_END' | 'MISSING',
  ): Promise<Result<{ subscriptionId: string; kind: string }>> {
    requirePermission(actor, Permission.SimulatorManage);
    return this.db.transaction(actor, async (tx) => {
      const known = await this.world.subscription(tx, subscriptionId.trim());
      if (!known) return notFound('subscription', `Partner Center (simulated) has no subscription ${subscriptionId}.`);
      const at = this.clock.now().toISOString();
      if (kind === 'MISSING') await this.world.deleteSubscription(tx, known.subscriptionId);
      else
        await this.world.saveSubscription(tx, {
          ...known,
          quantity: kind === 'QUANTITY' ? known.quantity + 1 : known.quantity,
          autoRenew: kind === 'AUTO_RENEW' ? !known.autoRenew : known.autoRenew,
          termEnd:
            kind === 'TERM_END' && known.termEnd
              ? new Date(Date.parse(known.termEnd) + 31 * 86_400_000).toISOString()
              : known.termEnd,
          etag: `W/"${randomUUID()}"`,
          updatedAt: at,
        });
      await this.audit.record(tx, {
        operation: 'simulator.plantDrift',
        entityType: 'SimSubscription',
        entityId: known.subscriptionId,
        changes: { drift: { before: null, after: kind } },
      });
      return ok({ subscriptionId: known.subscriptionId, kind });
    });
  }
}
