import { AddressColumns, ContactColumns } from '../platform/address.columns.js';
import { randomInt, randomUUID } from 'node:crypto';
import {
  generatePassword,
  loginKey,
  validateCustomer,
  type CustomerInput,
  type CustomerSegment,
  type FieldError,
} from '@nce/domain';
import { changesBetween, type AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { Permission } from '../platform/permissions.js';
import { actingFor, ownReseller, type RequestContext } from '../platform/request-context.js';
import { invalid, notFound, ok, versionConflict, type Result } from '../platform/result.js';
import type { ResellerService } from '../resellers/index.js';
import type { Clock } from '../platform/clock.js';
import type { KeyOrder } from '../platform/cursor.js';
import { sortOrder, type SortDirection } from '../platform/list-sort.js';
import type { SecretBox } from '../platform/secret-box.js';
import type { AddressValidator } from './address-validator.js';
import type { CustomerEntity } from './customer.entity.js';
import type { CustomersRepository } from './customers.repository.js';
import { CUSTOMER_SORTS } from './customers.repository.js';

export { CUSTOMER_SORTS };

const customerNotFound = (id: string) => notFound('customer', `No customer with id ${id}.`);

const snapshot = (c: CustomerEntity) => ({
  segment: c.segment,
  companyName: c.companyName,
  address: AddressColumns.text(c.address),
  adminContact: ContactColumns.text(c.adminContact),
  vendorContractId: c.vendorContractId,
  portalLogin: c.portalLogin,
  portalPassword: c.portalPassword,
});

/** End customers of resellers: created and edited by the reseller or by staff on its behalf (R5–R8). */
export class CustomerService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly secrets: SecretBox,
    private readonly addresses: AddressValidator,
    private readonly resellers: ResellerService,
    private readonly customers: CustomersRepository,
  ) {}

  /** A customer `ctx` may see (its reseller's users, or staff with `permission`); null when there is none. */
  async get(
    ctx: RequestContext,
    id: string,
    permission: Permission = Permission.CustomersRead,
  ): Promise<CustomerEntity | null> {
    const customer = await this.customers.byId(ctx, id);
    if (customer) actingFor(ctx, customer.resellerId, permission);
    return customer;
  }

  /** The list's order from a sort and direction as the SPA names them (an unknown sort: the list's default). */
  orderBy(sortBy?: string | null, direction?: SortDirection | null): KeyOrder {
    return sortOrder(CUSTOMER_SORTS, 'NAME', sortBy as keyof typeof CUSTOMER_SORTS | null, direction);
  }

  /** R5: customers by name; a reseller's users see their own only, whatever they ask for. */
  async list(
    ctx: RequestContext,
    filter: { resellerId?: string | null; search?: string | null; segment?: CustomerSegment | null },
    first: number,
    after?: string | null,
    order: KeyOrder = sortOrder(CUSTOMER_SORTS, 'NAME'),
  ) {
    return this.customers.page({ ...filter, resellerId: ownReseller(ctx, filter.resellerId) }, first, after, order);
  }

  async create(ctx: RequestContext, resellerId: string, input: CustomerInput): Promise<Result<CustomerEntity>> {
    const actor = actingFor(ctx, resellerId, Permission.CustomersManage);
    if (!(await this.resellers.exists(ctx, resellerId)))
      return notFound('reseller', `No reseller with id ${resellerId}.`);
    const checked = await this.check(ctx, input, resellerId, null);
    if (!checked.ok) return checked;
    const now = this.clock.now().toISOString();
    const password = generatePassword(randomInt);
    return this.db.transaction(actor, async (tx) => {
      const conflict = await this.loginConflict(tx, checked.value.portalLoginKey, resellerId, null);
      if (conflict) return invalid([conflict]);
      const customer = await this.customers.insert(tx, {
        id: randomUUID(),
        resellerId,
        ...this.columns(checked.value),
        portalPassword: this.secrets.encrypt(password),
        createdAt: now,
        updatedAt: now,
      });
      await this.audit.record(tx, {
        operation: 'customers.create',
        entityType: 'Customer',
        entityId: customer.id,
        changes: changesBetween(null, snapshot(customer)),
      });
      return ok(customer);
    });
  }

  /** Changes a customer; refuses to overwrite a newer version, so two editors never silently overwrite each other. */
  async update(
    ctx: RequestContext,
    id: string,
    version: number,
    input: CustomerInput,
  ): Promise<Result<CustomerEntity>> {
    const existing = await this.get(ctx, id, Permission.CustomersManage);
    if (!existing) return customerNotFound(id);
    const actor = actingFor(ctx, existing.resellerId, Permission.CustomersManage);
    const checked = await this.check(ctx, input, existing.resellerId, id);
    if (!checked.ok) return checked;
    return this.db.transaction(actor, async (tx) => {
      const current = await this.customers.byId(tx, id);
      if (!current) return customerNotFound(id);
      if (current.version !== version) return versionConflict('customer', current.version);
      const conflict = await this.loginConflict(tx, checked.value.portalLoginKey, current.resellerId, id);
      if (conflict) return invalid([conflict]);
      const saved = await this.customers.updateAt(
        tx,
        id,
        version,
        this.columns(checked.value),
        this.clock.now().toISOString(),
      );
      if (!saved) return versionConflict('customer', version + 1);
      await this.audit.record(tx, {
        operation: 'customers.update',
        entityType: 'Customer',
        entityId: id,
        changes: changesBetween(snapshot(current), snapshot(saved)),
      });
      return ok(saved);
    });
  }

  /**
   * R8: a new portal password, from support (the old one stops working); revealed through the audited path.
   * False when there is no such customer.
   */
  async regeneratePortalPassword(ctx: RequestContext, id: string): Promise<boolean> {
    return this.db.transaction(ctx, async (tx) => {
      const customer = await this.customers.byId(tx, id);
      if (!customer) return false;
      const actor = actingFor(tx, customer.resellerId, Permission.SupportCases);
      await this.customers.setPortalPassword(tx, customer, this.secrets.encrypt(generatePassword(randomInt)));
      // Named for the desk that does it, as the audit history has always shown it.
      await this.audit.record(actor, {
        operation: 'support.regeneratePortalPassword',
        entityType: 'Customer',
        entityId: id,
        changes: { portalPassword: { before: '[redacted]', after: '[redacted]' } },
      });
      return true;
    });
  }

  /** The customer a portal login belongs to, for support (any reseller's); null when none has it. */
  async byPortalLogin(ctx: RequestContext, login: string): Promise<CustomerEntity | null> {
    const customer = await this.customers.byPortalLoginKey(ctx, loginKey(login));
    if (customer) actingFor(ctx, customer.resellerId, Permission.SupportCases);
    return customer;
  }

  /** R8: the generated portal password, viewable later; every reveal is audited. */
  async revealPortalPassword(ctx: RequestContext, id: string): Promise<{ user: string; value: string } | null> {
    const customer = await this.get(ctx, id, Permission.SecretsReveal);
    if (!customer) return null;
    const actor = actingFor(ctx, customer.resellerId, Permission.SecretsReveal);
    await this.db.transaction(actor, (tx) =>
      this.audit.record(tx, {
        operation: 'customers.revealPortalPassword',
        entityType: 'Customer',
        entityId: id,
      }),
    );
    return { user: customer.portalLogin, value: this.secrets.decrypt(customer.portalPassword) };
  }

  /** Every fault at once: the fields, the address, and a login another customer holds. */
  private async check(
    ctx: RequestContext,
    input: CustomerInput,
    resellerId: string,
    exceptId: string | null,
  ): Promise<Result<CustomerInput & { portalLoginKey: string }>> {
    const valid = validateCustomer(input);
    const address = await this.addresses.validate(input.address ?? {});
    const fields = [
      ...(valid.ok ? [] : (valid.errors ?? []).filter((e) => !e.field.startsWith('address.'))),
      ...address.errors,
    ];
    if (!fields.some((f) => f.field === 'portalLogin') && input.portalLogin?.trim()) {
      const conflict = await this.loginConflict(ctx, loginKey(input.portalLogin), resellerId, exceptId);
      if (conflict) fields.push(conflict);
    }
    if (!valid.ok || fields.length) return invalid(fields);
    return ok({ ...valid.value, address: address.address });
  }

  /** R8: a login is unique across all customers; the conflict is named when it is the reseller's own customer. */
  private async loginConflict(
    ctx: RequestContext,
    key: string,
    resellerId: string,
    exceptId: string | null,
  ): Promise<FieldError | null> {
    const holder = await this.customers.byPortalLoginKey(ctx, key);
    if (!holder || holder.id === exceptId) return null;
    const who = holder.resellerId === resellerId ? `your customer ${holder.companyName}` : 'another customer';
    return {
      field: 'portalLogin',
      code: 'LOGIN_TAKEN',
      message: `The login "${holder.portalLogin}" is already used by ${who}; logins are unique across all customers. Name it after this customer's company.`,
    };
  }

  private columns(value: CustomerInput & { portalLoginKey: string }) {
    return {
      segment: value.segment,
      companyName: value.companyName,
      address: AddressColumns.of(value.address),
      adminContact: ContactColumns.of(value.adminContact),
      vendorContractId: value.vendorContractId ?? null,
      portalLogin: value.portalLogin,
      portalLoginKey: value.portalLoginKey,
      searchText: `${value.companyName} ${value.adminContact.email} ${value.portalLogin}`.toLowerCase(),
    };
  }
}
