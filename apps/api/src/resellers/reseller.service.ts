import { AddressColumns, ContactColumns } from '../platform/address.columns.js';
import { randomUUID } from 'node:crypto';
import {
  checksAreStale,
  completeActivation,
  moveReseller,
  parseMpnId,
  parseResellerDomain,
  prePurchaseChecks,
  validateReseller,
  type FieldError,
  type PartnerFacts,
  type PrePurchaseCheck,
  type ResellerInput,
  type ResellerStatus,
} from '@nce/domain';
import { changesBetween, type AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import type { PartnerCenter } from '../partner-center/index.js';
import { hasPermission, Permission } from '../platform/permissions.js';
import {
  actingFor,
  Forbidden,
  requirePermission,
  systemContext,
  type RequestContext,
  type Transactional,
} from '../platform/request-context.js';
import { invalid, notFound, ok, versionConflict, type Failure, type Result } from '../platform/result.js';
import type { Clock } from '../platform/clock.js';
import type { KeyOrder } from '../platform/cursor.js';
import { sortOrder, type SortDirection } from '../platform/list-sort.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import type { CreatedUser, StaffService } from '../staff/index.js';
import type { ResellerEntity } from './reseller.entity.js';
import type { ResellersRepository } from './resellers.repository.js';
import { RESELLER_SORTS } from './resellers.repository.js';

export { RESELLER_SORTS };

export const ACTIVATE_RESELLER_JOB = 'reseller.activate';

export type ResellerResult = Result<ResellerEntity>;

const snapshot = (r: ResellerEntity) => ({
  companyName: r.companyName,
  marketplaceId: r.marketplaceId,
  bcn: r.bcn,
  status: r.status,
  address: AddressColumns.text(r.address),
  contact: ContactColumns.text(r.contact),
  paymentMethod: r.paymentMethod,
  mpnLocationId: r.mpnLocationId,
  resellerDomain: r.resellerDomain,
});

const fields = (input: ResellerInput) => ({
  companyName: input.companyName,
  marketplaceId: input.marketplaceId,
  bcn: input.bcn,
  address: AddressColumns.of(input.address),
  contact: ContactColumns.of(input.contact),
  searchText: `${input.companyName} ${input.marketplaceId} ${input.bcn}`.toLowerCase(),
});

export interface ResellerServiceOptions {
  activationDelayMs: number;
  distributorPartnerId: string;
}

/** Reseller accounts: what staff keep of them, their activation (R1) and their CSP identifiers (R9, R10, R25). */
export class ResellerService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly partnerCenter: PartnerCenter,
    private readonly staff: StaffService,
    private readonly resellers: ResellersRepository,
    private readonly options: ResellerServiceOptions,
  ) {
    jobs.register(ACTIVATE_RESELLER_JOB, (payload) =>
      this.completeActivation(systemContext(clock, 'system:activation'), String(payload.resellerId)),
    );
  }

  /** One reseller: staff who read resellers see any, a reseller's users only their own. */
  async get(ctx: RequestContext, id: string): Promise<ResellerEntity | null> {
    actingFor(ctx, id, Permission.ResellersRead);
    return this.resellers.byId(ctx, id);
  }

  /** The reseller an order's invoice is addressed to: whoever may read its orders may read it. */
  async invoiceParty(ctx: RequestContext, id: string): Promise<ResellerEntity | null> {
    actingFor(ctx, id, Permission.OrdersRead);
    return this.resellers.byId(ctx, id);
  }

  /**
   * The one writer of a reseller's payment method outside its own edits: an approved terms request moves
   * it to terms, in the approval's transaction (R2).
   */
  async payOnTerms(tx: Transactional, id: string): Promise<void> {
    await this.resellers.set(tx, id, { paymentMethod: 'TERMS' });
  }

  /** Whether a reseller has this id: a published query for contexts that record things of a reseller. */
  async exists(_ctx: RequestContext, id: string): Promise<boolean> {
    return this.resellers.exists(id);
  }

  /** A user of the reseller, with a one-time link to set the password: staff who manage resellers. */
  async createUser(
    ctx: RequestContext,
    resellerId: string,
    input: { email: string; displayName: string },
  ): Promise<Result<CreatedUser>> {
    this.requireStaff(ctx, Permission.ResellersManage);
    if (!(await this.exists(ctx, resellerId))) return notFound('reseller', `No reseller with id ${resellerId}.`);
    return this.staff.create(
      actingFor(ctx, resellerId, Permission.ResellersManage),
      { ...input, roles: [] },
      resellerId,
    );
  }

  /** The list's order from a sort and direction as the SPA names them (an unknown sort: the list's default). */
  orderBy(sortBy?: string | null, direction?: SortDirection | null): KeyOrder {
    return sortOrder(RESELLER_SORTS, 'NAME', sortBy as keyof typeof RESELLER_SORTS | null, direction);
  }

  /** Resellers by company name: staff only. */
  async list(
    ctx: RequestContext,
    filter: { search?: string | null; status?: ResellerStatus | null },
    first: number,
    after?: string | null,
    order: KeyOrder = sortOrder(RESELLER_SORTS, 'NAME'),
  ) {
    if (ctx.principal?.kind === 'reseller') throw new Forbidden();
    requirePermission(ctx, Permission.ResellersRead);
    return this.resellers.page(filter, first, after, order);
  }

  async create(ctx: RequestContext, input: ResellerInput): Promise<ResellerResult> {
    const actor = ctx;
    this.requireStaff(ctx, Permission.ResellersManage);
    const valid = validateReseller(input);
    if (!valid.ok) return invalid(valid.errors ?? []);
    const now = this.clock.now().toISOString();
    return this.db.transaction(actor, async (tx) => {
      const taken = await this.takenIdentifiers(tx, valid.value, null);
      if (taken.length) return invalid(taken);
      const reseller = await this.resellers.insert(tx, {
        id: randomUUID(),
        ...fields(valid.value),
        status: 'PENDING_ACTIVATION',
        paymentMethod: 'CREDIT_CARD',
        createdAt: now,
        updatedAt: now,
      });
      await this.audit.record(tx, {
        operation: 'resellers.create',
        entityType: 'Reseller',
        entityId: reseller.id,
        changes: changesBetween(null, snapshot(reseller)),
      });
      return ok(reseller);
    });
  }

  async update(ctx: RequestContext, id: string, version: number, input: ResellerInput): Promise<ResellerResult> {
    this.requireStaff(ctx, Permission.ResellersManage);
    const valid = validateReseller(input);
    if (!valid.ok) return invalid(valid.errors ?? []);
    return this.change(actingFor(ctx, id, Permission.ResellersManage), id, version, 'resellers.update', async (tx) => {
      const taken = await this.takenIdentifiers(tx, valid.value, id);
      return taken.length ? invalid(taken).failure : fields(valid.value);
    });
  }

  /** Staff suspend or reinstate an account; activation itself is the job's. */
  async setStatus(ctx: RequestContext, id: string, version: number, status: ResellerStatus): Promise<ResellerResult> {
    // Activation is the activation job's; staff may only suspend and reinstate.
    if (status === 'PENDING_ACTIVATION') throw new Forbidden();
    this.requireStaff(ctx, Permission.ResellersManage);
    return this.change(
      actingFor(ctx, id, Permission.ResellersManage),
      id,
      version,
      'resellers.setStatus',
      async (tx, current) => {
        // R1: never active before its activation order completed, not even by way of a suspension.
        const activation = await this.resellers.activationOf(tx, id);
        const moved = moveReseller(current.status, status, activation !== null && activation.status !== 'COMPLETED');
        return moved.ok
          ? { status: moved.value }
          : invalid([{ field: 'status', code: moved.code, message: moved.message }]).failure;
      },
    );
  }

  /**
   * R9/R10/R25: stores the MPN location ID and indirect-reseller domain (remembered for every later
   * purchase) and runs the four checks against Partner Center.
   */
  async setIdentifiers(
    ctx: RequestContext,
    id: string,
    mpnLocationId: string,
    resellerDomain: string,
  ): Promise<ResellerResult> {
    const actor = actingFor(ctx, id, Permission.ResellersManage);
    const errors: FieldError[] = [];
    const mpn = parseMpnId(mpnLocationId);
    if (!mpn.ok) errors.push({ field: 'mpnLocationId', code: mpn.code, message: mpn.message });
    const domain = parseResellerDomain(resellerDomain);
    if (!domain.ok) errors.push({ field: 'resellerDomain', code: domain.code, message: domain.message });
    if (!mpn.ok || !domain.ok) return invalid(errors);
    const lookup = await this.partnerCenter.lookupPartner(mpn.value);
    if (lookup.exists && lookup.kind === 'GLOBAL') {
      return invalid([
        {
          field: 'mpnLocationId',
          code: 'GLOBAL_MPN_ID',
          message: `${mpn.value} is your global MPN ID; enter the location MPN ID shown beside it in Partner Center → Identifiers.`,
        },
      ]);
    }
    const checks = await this.askPartnerCenter(mpn.value, domain.value.domain);
    return this.change(actor, id, null, 'resellers.setIdentifiers', async () => ({
      mpnLocationId: mpn.value,
      resellerDomain: domain.value.domain,
      checks: JSON.stringify(checks),
      checksAt: this.clock.now().toISOString(),
    }));
  }

  /** R10: the four checks, asked again when older than a day (or when `force`). */
  async checks(
    ctx: RequestContext,
    id: string,
    force = false,
  ): Promise<{ checks: PrePurchaseCheck[]; checkedAt: string | null } | null> {
    const actor = actingFor(ctx, id, Permission.ResellersManage);
    const reseller = await this.resellers.byId(ctx, id);
    return reseller ? this.checksOf(actor, reseller, force) : null;
  }

  /** `checks` for a reseller already read (the purchase path reads it with the rest of its context). */
  async checksOf(
    actor: RequestContext,
    reseller: Pick<ResellerEntity, 'id' | 'checks' | 'checksAt' | 'mpnLocationId' | 'resellerDomain'>,
    force = false,
  ): Promise<{ checks: PrePurchaseCheck[]; checkedAt: string | null }> {
    const id = reseller.id;
    const stored = {
      checks: reseller.checks
        ? (JSON.parse(reseller.checks) as PrePurchaseCheck[])
        : prePurchaseChecks(
            { mpnLocationId: reseller.mpnLocationId, resellerDomain: reseller.resellerDomain },
            this.options.distributorPartnerId,
          ),
      checkedAt: reseller.checksAt,
    };
    const stale = checksAreStale(reseller.checksAt ? new Date(reseller.checksAt) : null, this.clock.now());
    if (!reseller.mpnLocationId || !reseller.resellerDomain || (!force && !stale)) return stored;
    const checks = await this.askPartnerCenter(reseller.mpnLocationId, reseller.resellerDomain);
    const checkedAt = this.clock.now().toISOString();
    await this.db.transaction(actor, async (tx) => {
      await this.resellers.set(tx, id, { checks: JSON.stringify(checks), checksAt: checkedAt });
      await this.audit.record(tx, {
        operation: 'resellers.runChecks',
        entityType: 'Reseller',
        entityId: id,
        changes: { checks: { before: null, after: checks.map((c) => `${c.code}:${c.status}`) } },
      });
    });
    return { checks, checkedAt };
  }

  /** R1: a reseller user's first sign-in places the activation order; it completes after the configured delay. */
  async startActivationOnSignIn(actor: Transactional, resellerId: string, userId: string): Promise<void> {
    const reseller = await this.resellers.byId(actor, resellerId);
    if (!reseller || reseller.status !== 'PENDING_ACTIVATION') return;
    if (await this.resellers.activationOf(actor, resellerId)) return;
    const now = this.clock.now();
    const completesAfter = new Date(now.getTime() + this.options.activationDelayMs);
    await this.resellers.insertActivation(actor, {
      id: randomUUID(),
      resellerId,
      requestedByUserId: userId,
      requestedAt: now.toISOString(),
      completesAfter: completesAfter.toISOString(),
      completedAt: null,
      status: 'PENDING',
    });
    await this.jobs.enqueue(
      actor.transaction,
      ACTIVATE_RESELLER_JOB,
      { resellerId },
      { runAt: completesAfter, key: `${ACTIVATE_RESELLER_JOB}:${resellerId}` },
    );
    await this.audit.record(actor, {
      operation: 'resellers.activationRequested',
      entityType: 'Reseller',
      entityId: resellerId,
      changes: { activation: { before: null, after: 'PENDING' } },
    });
  }

  /** The activation job: idempotent, so a restart that runs it twice changes nothing the second time. */
  async completeActivation(ctx: RequestContext, resellerId: string): Promise<void> {
    await this.db.transaction(ctx, async (tx) => {
      const activation = await this.resellers.activationOf(tx, resellerId);
      if (!activation || activation.status === 'COMPLETED') return;
      await this.resellers.completeActivation(tx, activation.id, this.clock.now().toISOString());
      // The status moves through the one writer of a reseller's changes, like a staff suspension.
      const moved = await this.change(tx, resellerId, null, 'resellers.activationCompleted', async (_tx, current) => {
        const status = completeActivation(current.status);
        return status === current.status ? {} : { status };
      });
      if (!moved.ok) throw new Error(`activation of ${resellerId}: ${moved.failure.message}`);
    });
  }

  /** Staff holding `permission`; a reseller's users never manage reseller accounts. */
  private requireStaff(ctx: RequestContext, permission: Permission): void {
    if (ctx.principal && (ctx.principal.kind !== 'staff' || !hasPermission(ctx.principal, permission)))
      throw new Forbidden();
  }

  private async askPartnerCenter(mpnId: string, domain: string): Promise<PrePurchaseCheck[]> {
    const [mpn, domainExists, relationship] = await Promise.all([
      this.partnerCenter.lookupPartner(mpnId),
      this.partnerCenter.domainExists(domain),
      this.partnerCenter.hasRelationshipWithDistributor(mpnId),
    ]);
    const facts: PartnerFacts = {
      mpnLocationId: mpnId,
      resellerDomain: domain,
      mpn: mpn.exists
        ? { exists: true, kind: mpn.kind ?? 'LOCATION', cspIndirectReseller: mpn.cspIndirectReseller ?? false }
        : { exists: false },
      resellerDomainExists: domainExists,
      relationshipWithDistributor: mpn.exists ? relationship : undefined,
    };
    return prePurchaseChecks(facts, this.options.distributorPartnerId);
  }

  private async takenIdentifiers(
    tx: Transactional,
    input: ResellerInput,
    exceptId: string | null,
  ): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const { byMarketplace, byBcn } = await this.resellers.holdersOf(tx, input.marketplaceId, input.bcn);
    if (byMarketplace && byMarketplace.id !== exceptId)
      errors.push({
        field: 'marketplaceId',
        code: 'TAKEN',
        message: `Marketplace ID ${input.marketplaceId} belongs to ${byMarketplace.companyName}.`,
      });
    if (byBcn && byBcn.id !== exceptId)
      errors.push({ field: 'bcn', code: 'TAKEN', message: `BCN ${input.bcn} belongs to ${byBcn.companyName}.` });
    return errors;
  }

  /**
   * The one writer of a reseller (its status included: staff suspending or reinstating it, and the activation
   * job): version-checked when a version is given, audited with before and after.
   */
  private async change(
    actor: RequestContext,
    id: string,
    version: number | null,
    operation: string,
    compute: (tx: Transactional, current: ResellerEntity) => Promise<Partial<ResellerEntity> | Failure>,
  ): Promise<ResellerResult> {
    return this.db.transaction(actor, async (tx) => {
      const current = await this.resellers.byId(tx, id);
      if (!current) return notFound('reseller', `No reseller with id ${id}.`);
      if (version !== null && current.version !== version) return versionConflict('reseller', current.version);
      const computed = await compute(tx, current);
      if ('code' in computed && 'message' in computed) return { ok: false as const, failure: computed as Failure };
      // Nothing to write (an activation that finds the account suspended): recorded, version unchanged.
      const saved =
        Object.keys(computed).length === 0
          ? current
          : await this.resellers.updateAt(tx, id, current.version, {
              ...computed,
              updatedAt: this.clock.now().toISOString(),
            });
      if (!saved) return versionConflict('reseller', current.version + 1);
      await this.audit.record(tx, {
        operation,
        entityType: 'Reseller',
        entityId: id,
        changes: changesBetween(snapshot(current), snapshot(saved)),
      });
      return ok(saved);
    });
  }
}
