import {
  canCreateNewTenant,
  canUseExistingTenant,
  parseExistingTenantDomain,
  parseNewTenantDomain,
  suggestTenantDomains,
  tenantOptions,
  type Fix,
  type TenantOptions,
} from '@nce/domain';
import { changesBetween, type AuditService } from '../audit/index.js';
import type { CustomerEntity, CustomerService } from '../customers/index.js';
import type { Database } from '../db/database.js';
import { DomainTakenError, type PartnerCenter } from '../partner-center/index.js';
import { Permission } from '../platform/permissions.js';
import { actingFor, type RequestContext } from '../platform/request-context.js';
import { fail, ok, type Result } from '../platform/result.js';
import type { Clock } from '../platform/clock.js';
import type { SecretBox } from '../platform/secret-box.js';
import type { CustomerTenantEntity } from './customer-tenant.entity.js';
import type { CustomerTenantsRepository } from './customer-tenants.repository.js';

/** The details of a refused tenant choice: free alternatives when a requested domain is taken (R14). */
export interface TenantRefusal {
  suggestions?: string[];
}

const refused = (refusal: { code: string; message: string; fix?: Fix | null; suggestions?: string[] }) =>
  fail<TenantRefusal>(refusal.code, refusal.message, {
    fix: refusal.fix ?? null,
    details: { suggestions: refusal.suggestions ?? [] },
  });

export type TenantResult = Result<CustomerTenantEntity>;

const SUGGESTIONS_OFFERED = 3;

const noCustomer = (customerId: string) =>
  refused({ code: 'NOT_FOUND', message: `No customer with id ${customerId}.` });

const snapshot = (t: CustomerTenantEntity | null) =>
  t
    ? {
        choice: t.choice,
        domain: t.domain,
        state: t.state,
        tenantId: t.tenantId,
        attestedAt: t.attestedAt,
        attestedBy: t.attestedByEmail,
      }
    : null;

/** Where a customer's licences go: a new tenant or an existing one, under the segment rules (R11–R15, R20–R22). */
export class TenantService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly partnerCenter: PartnerCenter,
    private readonly secrets: SecretBox,
    private readonly customers: CustomerService,
    private readonly tenants: CustomerTenantsRepository,
    private readonly distributorPartnerId: string,
  ) {}

  private get(ctx: RequestContext, customerId: string): Promise<CustomerTenantEntity | null> {
    return this.tenants.ofCustomer(ctx, customerId);
  }

  /** The tenant chosen for a customer the caller holds, if `ctx` may see it; null when none is chosen yet. */
  async chosen(
    ctx: RequestContext,
    customer: Pick<CustomerEntity, 'id' | 'resellerId'>,
  ): Promise<CustomerTenantEntity | null> {
    actingFor(ctx, customer.resellerId, Permission.CustomersRead);
    return this.get(ctx, customer.id);
  }

  /**
   * The customer, if `ctx` may act on it with `permission` (its reseller's users, or staff); throws Forbidden
   * otherwise.
   */
  private async customer(
    ctx: RequestContext,
    customerId: string,
    permission: Permission,
  ): Promise<{ customer: CustomerEntity; actor: RequestContext } | null> {
    const customer = await this.customers.get(ctx, customerId, permission);
    return customer && { customer, actor: actingFor(ctx, customer.resellerId, permission) };
  }

  /** Both choices, explained in words, for the tenant panel (R11, R12, R20); null when there is no such customer. */
  async options(ctx: RequestContext, customerId: string): Promise<TenantOptions | null> {
    const reached = await this.customer(ctx, customerId, Permission.CustomersRead);
    if (!reached) return null;
    const { customer } = reached;
    const chosen = await this.get(ctx, customer.id);
    const existing = chosen?.choice === 'EXISTING' ? await this.partnerCenter.findCustomerTenant(chosen.domain) : null;
    return tenantOptions(
      customer.segment,
      existing,
      this.distributorPartnerId,
      await this.resellerMpnId(customer.resellerId),
    );
  }

  /** R12, R14: a new `<prefix>.onmicrosoft.com`, allowed for the segment, valid, and free — else free alternatives. */
  async chooseNew(ctx: RequestContext, customerId: string, requested: string): Promise<TenantResult> {
    const reached = await this.customer(ctx, customerId, Permission.CustomersManage);
    if (!reached) return noCustomer(customerId);
    const { customer, actor } = reached;
    const allowed = canCreateNewTenant(customer.segment);
    if (!allowed.allowed) return refused(allowed);
    const parsed = parseNewTenantDomain(requested);
    if (!parsed.ok) return refused(parsed);
    if (!(await this.isFree(ctx, parsed.value.domain, customer.id))) {
      const suggestions = await this.freeAlternatives(ctx, customer, parsed.value.prefix);
      return refused({
        code: 'TENANT_DOMAIN_TAKEN',
        message: `${parsed.value.domain} is taken.${suggestions.length ? ` Free: ${suggestions.join(', ')}.` : ''}`,
        fix: { kind: 'field', field: 'tenantDomain', label: 'Pick a free domain' },
        suggestions,
      });
    }
    return this.save(actor, customer.id, {
      choice: 'NEW',
      domain: parsed.value.domain,
      newDomainKey: parsed.value.prefix,
      state: 'REQUESTED',
      tenantId: null,
    });
  }

  /**
   * R15, R20, R21: an existing tenant that has accepted the distributor for this reseller, not a government one.
   * A tenant another reseller's customer already uses here is answered exactly as an unknown tenant, so the
   * answer tells nothing of that customer or reseller; staff see the attempt in the audit (tenants.linkConflict).
   */
  async chooseExisting(ctx: RequestContext, customerId: string, requested: string): Promise<TenantResult> {
    const reached = await this.customer(ctx, customerId, Permission.CustomersManage);
    if (!reached) return noCustomer(customerId);
    const { customer, actor } = reached;
    const parsed = parseExistingTenantDomain(requested);
    if (!parsed.ok) return refused(parsed);
    const resellerMpnId = await this.resellerMpnId(customer.resellerId);
    const unknown = () => {
      const verdict = canUseExistingTenant(customer.segment, null, this.distributorPartnerId, resellerMpnId);
      return refused(
        verdict.allowed
          ? { code: 'EXISTING_TENANT_NOT_FOUND', message: 'No Microsoft tenant has that domain.' }
          : verdict,
      );
    };
    const holder = await this.tenants.linkedByAnotherReseller(parsed.value.domain, customer.resellerId);
    if (holder) {
      await this.db.transaction(actor, (tx) =>
        this.audit.record(tx, {
          operation: 'tenants.linkConflict',
          entityType: 'Customer',
          entityId: customer.id,
          changes: {
            refusedTenant: { before: null, after: parsed.value.domain },
            alreadyLinkedToCustomer: { before: null, after: holder.customerId },
            ofReseller: { before: null, after: holder.resellerId },
          },
        }),
      );
      return unknown();
    }
    const tenant = await this.partnerCenter.findCustomerTenant(parsed.value.domain);
    const allowed = canUseExistingTenant(customer.segment, tenant, this.distributorPartnerId, resellerMpnId);
    if (!allowed.allowed || !tenant) return allowed.allowed ? unknown() : refused(allowed);
    return this.save(actor, customer.id, {
      choice: 'EXISTING',
      domain: tenant.domain,
      newDomainKey: null,
      state: 'LINKED',
      tenantId: tenant.tenantId,
    });
  }

  /** R13: the reseller signs the Partner-of-Record attestation for the chosen tenant. */
  async attest(ctx: RequestContext, customerId: string): Promise<TenantResult> {
    const reached = await this.customer(ctx, customerId, Permission.CustomersManage);
    if (!reached) return noCustomer(customerId);
    const { actor } = reached;
    const principal = actor.principal;
    return this.db.transaction(actor, async (tx) => {
      const current = await this.tenants.ofCustomer(tx, customerId);
      if (!current)
        return refused({
          code: 'TENANT_NOT_CHOSEN',
          message: 'Choose the tenant first; the attestation is signed for it.',
          fix: { kind: 'action', label: 'Choose the tenant' },
        });
      const now = this.clock.now().toISOString();
      const saved = await this.tenants.change(tx, current, {
        attestedAt: now,
        attestedByUserId: principal?.userId ?? null,
        attestedByEmail: principal?.email ?? null,
        updatedAt: now,
      });
      await this.audit.record(tx, {
        operation: 'tenants.signAttestation',
        entityType: 'Customer',
        entityId: customerId,
        changes: changesBetween(snapshot(current), snapshot(saved)),
      });
      return ok(saved);
    });
  }

  /** Creates a requested new tenant at Microsoft now (staff; otherwise the order's provisioning does). */
  async create(ctx: RequestContext, customerId: string): Promise<TenantResult> {
    const reached = await this.customer(ctx, customerId, Permission.ResellersManage);
    if (!reached) return noCustomer(customerId);
    const { customer, actor } = reached;
    const current = await this.get(ctx, customer.id);
    if (!current || current.choice !== 'NEW')
      return refused({ code: 'NO_NEW_TENANT_REQUESTED', message: 'This customer has no new tenant requested.' });
    if (current.state === 'CREATED') return ok(current);
    let created;
    try {
      const [firstName = '', ...rest] = customer.adminContact.name.trim().split(/\s+/);
      created = await this.partnerCenter.createCustomerTenant({
        reference: customer.id,
        domain: current.domain,
        companyName: customer.companyName,
        indirectReseller: await this.resellerMpnId(customer.resellerId),
        billing: {
          email: customer.adminContact.email,
          firstName,
          lastName: rest.join(' ') || firstName,
          phone: customer.adminContact.phone || null,
          address: customer.address,
        },
      });
    } catch (error) {
      if (error instanceof DomainTakenError) {
        return refused({
          code: 'TENANT_DOMAIN_TAKEN',
          message: `${current.domain} was taken meanwhile; choose another domain.`,
          suggestions: await this.freeAlternatives(ctx, customer, current.newDomainKey ?? ''),
        });
      }
      throw error;
    }
    return this.db.transaction(actor, async (tx) => {
      const saved = await this.tenants.change(tx, current, {
        state: 'CREATED',
        tenantId: created.tenantId,
        adminUser: created.adminUser,
        adminPassword: this.secrets.encrypt(created.temporaryPassword),
        updatedAt: this.clock.now().toISOString(),
      });
      await this.audit.record(tx, {
        operation: 'tenants.create',
        entityType: 'Customer',
        entityId: customer.id,
        changes: changesBetween(snapshot(current), snapshot(saved)),
      });
      return ok(saved);
    });
  }

  /** R22: the new tenant's temporary admin password, revealed through an audited path. */
  async revealAdminPassword(
    ctx: RequestContext,
    customerId: string,
  ): Promise<{ adminUser: string; password: string } | null> {
    const reached = await this.customer(ctx, customerId, Permission.SecretsReveal);
    if (!reached) return null;
    const { actor } = reached;
    const tenant = await this.get(ctx, customerId);
    if (!tenant?.adminPassword || !tenant.adminUser) return null;
    await this.db.transaction(actor, (tx) =>
      this.audit.record(tx, {
        operation: 'tenants.revealAdminPassword',
        entityType: 'Customer',
        entityId: customerId,
      }),
    );
    return { adminUser: tenant.adminUser, password: this.secrets.decrypt(tenant.adminPassword) };
  }

  private async save(
    actor: RequestContext,
    customerId: string,
    choice: Pick<CustomerTenantEntity, 'choice' | 'domain' | 'newDomainKey' | 'state' | 'tenantId'>,
  ): Promise<TenantResult> {
    return this.db.transaction(actor, async (tx) => {
      const current = await this.tenants.ofCustomer(tx, customerId);
      if (current && current.state === 'CREATED' && current.domain !== choice.domain) {
        return refused({
          code: 'TENANT_ALREADY_CREATED',
          message: `${current.domain} has been created for this customer; its licences go there.`,
        });
      }
      if (choice.newDomainKey && (await this.takenHere(tx, choice.newDomainKey, customerId))) {
        return refused({
          code: 'TENANT_DOMAIN_TAKEN',
          message: `${choice.domain} has just been requested for another customer.`,
        });
      }
      const now = this.clock.now().toISOString();
      // Changing the tenant voids the attestation: it is signed for one tenant (R13).
      const same = current && current.domain === choice.domain && current.choice === choice.choice;
      const next: CustomerTenantEntity = {
        customerId,
        ...choice,
        adminUser: same ? current.adminUser : null,
        adminPassword: same ? current.adminPassword : null,
        attestedAt: same ? current.attestedAt : null,
        attestedByUserId: same ? current.attestedByUserId : null,
        attestedByEmail: same ? current.attestedByEmail : null,
        updatedAt: now,
        version: (current?.version ?? 0) + 1,
      };
      await this.tenants.save(tx, next);
      await this.audit.record(tx, {
        operation: 'tenants.choose',
        entityType: 'Customer',
        entityId: customerId,
        changes: changesBetween(snapshot(current), snapshot(next)),
      });
      return ok(next);
    });
  }

  /** The MPN location ID a tenant's relationship must name for this reseller to sell into it (R10, R15). */
  /** The reseller's MPN location ID (R9): the one Microsoft records a tenant's and a purchase's reseller by. */
  resellerMpnId(resellerId: string): Promise<string | null> {
    return this.tenants.resellerMpnId(resellerId);
  }

  private async isFree(ctx: RequestContext, domain: string, customerId: string): Promise<boolean> {
    const prefix = domain.split('.')[0]!;
    return !(await this.partnerCenter.domainExists(domain)) && !(await this.takenHere(ctx, prefix, customerId));
  }

  private async takenHere(ctx: RequestContext, prefix: string, customerId: string): Promise<boolean> {
    const holder = await this.tenants.holderOfNewDomain(ctx, prefix);
    return !!holder && holder.customerId !== customerId;
  }

  private async freeAlternatives(ctx: RequestContext, customer: CustomerEntity, prefix: string): Promise<string[]> {
    const free: string[] = [];
    for (const candidate of suggestTenantDomains(customer.companyName, prefix)) {
      if (free.length >= SUGGESTIONS_OFFERED) break;
      if (await this.isFree(ctx, `${candidate}.onmicrosoft.com`, customer.id))
        free.push(`${candidate}.onmicrosoft.com`);
    }
    return free;
  }
}
