import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { toCustomer } from '../customers/customer.resolver.js';
import { NotFound, OperationRefused, ValidationFailed, VersionConflict } from '../platform/common.types.js';
import { Money } from '../platform/money.types.js';
import { actorForReseller, forbidden } from '../platform/ownership.js';
import { hasPermission, Permission, RequirePermission } from '../platform/permissions.js';
import { toReseller } from '../resellers/reseller.mapper.js';
import type { CaseResult as ServiceCaseResult } from './case.service.js';
import { CASE_STATUSES, type CasePriority, type CaseStatus, type CaseType, type SupportCaseEntity } from './entities.js';
import type { UnlockResult } from './login-help.service.js';
import { ReturnQuantityInput } from './support.types.js';
import { CaseComment, CaseResult, CaseSaved, Invoice, LoginOwner, NewCaseInput, ReturnDone, ReturnOption, ReturnRefused, ReturnResult, SignInUnlocked, SupportCase, SupportCaseConnection, UnlockSignInResult } from './support.types.js';
import { Code, Cursor, EmailText, FreeText, ShortText } from '../platform/text.types.js';
import { CaseSortEnum } from './support.types.js';
import { SortDirection, sortOrder } from '../platform/list-sort.js';
import { CASE_SORTS } from './case.service.js';

const toCase = (c: SupportCaseEntity, now: Date): SupportCase =>
  Object.assign(new SupportCase(), { ...c, ageHours: Math.round(((now.getTime() - Date.parse(c.openedAt)) / 3_600_000) * 10) / 10 });

function toCaseResult(result: ServiceCaseResult, now: Date): typeof CaseResult {
  if (result.ok) return Object.assign(new CaseSaved(), { supportCase: toCase(result.supportCase, now) });
  if (result.code === 'VALIDATION_FAILED') return ValidationFailed.of(result.fields);
  if (result.code === 'VERSION_CONFLICT') return VersionConflict.of('case', result.currentVersion);
  return Object.assign(NotFound.of('case', ''), { message: result.message });
}

@Resolver(() => SupportCase)
export class SupportResolver {
  /** A case its reseller's users may follow, or support may work on. */
  private async reach(ctx: Context, id: string) {
    const supportCase = await ctx.app.cases.get(id);
    if (!supportCase) return null;
    if (ctx.principal?.kind === 'reseller') {
      if (ctx.principal.resellerId !== supportCase.resellerId) throw forbidden();
      return { supportCase, actor: ctx.actor };
    }
    if (!hasPermission(ctx.principal, Permission.SupportCases)) throw forbidden();
    return { supportCase, actor: { ...ctx.actor, onBehalfOfResellerId: supportCase.resellerId } };
  }

  /** An order the caller may act on for support: its reseller's users, or support. */
  private async reachOrder(ctx: Context, orderId: string, permission: Permission) {
    const order = await ctx.app.orders.get(orderId);
    if (!order) return null;
    return { order, actor: actorForReseller(ctx.principal, ctx.actor, order.resellerId, permission) };
  }

  @RequirePermission(Permission.CasesOpen)
  @Mutation(() => CaseResult, { description: 'Opens a support case (a reseller for itself, or support on its behalf).' })
  async openSupportCase(@Arg('resellerId', () => ID) resellerId: string, @Arg('input', () => NewCaseInput) input: NewCaseInput, @Ctx() ctx: Context): Promise<typeof CaseResult> {
    const actor = actorForReseller(ctx.principal, ctx.actor, resellerId, Permission.SupportCases);
    return toCaseResult(await ctx.app.cases.open(actor, resellerId, { ...input, type: input.type as CaseType, priority: input.priority as CasePriority | null }), ctx.app.clock.now());
  }

  @RequirePermission(Permission.CasesOpen)
  @Query(() => SupportCaseConnection, { description: 'The support queue, oldest first; reseller users see their own cases.' })
  async supportCases(
    @Arg('resellerId', () => ID, { nullable: true, description: 'One reseller’s cases (support only; a reseller user sees its own).' }) resellerId: string | null,
    @Arg('statuses', () => [Code], { nullable: true }) statuses: string[] | null,
    @Arg('type', () => Code, { nullable: true }) type: string | null,
    @Arg('search', () => ShortText, { nullable: true }) search: string | null,
    @Arg('sortBy', () => CaseSortEnum, { nullable: true }) sortBy: keyof typeof CASE_SORTS | null,
    @Arg('direction', () => SortDirection, { nullable: true }) direction: SortDirection | null,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() { app, principal, actor }: Context,
  ): Promise<SupportCaseConnection> {
    if (resellerId && principal?.kind === 'reseller') actorForReseller(principal, actor, resellerId, Permission.SupportCases);
    const known = (statuses ?? []).filter((s): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s));
    const page = await app.cases.list({ resellerId: principal?.kind === 'reseller' ? principal.resellerId : resellerId, statuses: known, type: type as CaseType | null, search }, first, after, sortOrder(CASE_SORTS, 'OPENED', sortBy, direction));
    const now = app.clock.now();
    return { nodes: page.cases.map((c) => toCase(c, now)), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @RequirePermission(Permission.CasesOpen)
  @Query(() => SupportCase, { nullable: true })
  async supportCase(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SupportCase | null> {
    const reached = await this.reach(ctx, id);
    return reached ? toCase(reached.supportCase, ctx.app.clock.now()) : null;
  }

  @RequirePermission(Permission.SupportCases)
  @Mutation(() => CaseResult, { description: 'Status, priority, or "assign to me"; refuses to overwrite a newer version.' })
  async updateSupportCase(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('status', () => Code, { nullable: true }) status: string | null,
    @Arg('priority', () => Code, { nullable: true }) priority: string | null,
    @Arg('assignToMe', () => Boolean, { nullable: true }) assignToMe: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<typeof CaseResult> {
    const reached = await this.reach(ctx, id);
    if (!reached) return NotFound.of('case', id);
    return toCaseResult(await ctx.app.cases.update(reached.actor, id, version, { status: status as CaseStatus | null, priority: priority as CasePriority | null, assignToMe }), ctx.app.clock.now());
  }

  @RequirePermission(Permission.CasesOpen)
  @Mutation(() => CaseResult)
  async commentSupportCase(@Arg('id', () => ID) id: string, @Arg('text', () => FreeText) text: string, @Ctx() ctx: Context): Promise<typeof CaseResult> {
    const reached = await this.reach(ctx, id);
    if (!reached) return NotFound.of('case', id);
    return toCaseResult(await ctx.app.cases.comment(reached.actor, id, text), ctx.app.clock.now());
  }

  @RequirePermission(Permission.OrdersRead)
  @Query(() => [ReturnOption], { nullable: true, description: 'Each line’s return eligibility and refund now, before anything is submitted.' })
  async returnOptions(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('quantities', () => [ReturnQuantityInput], { nullable: true, description: 'Seats to price a return of, per line; otherwise every seat left.' }) quantities: ReturnQuantityInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<ReturnOption[] | null> {
    if (!(await this.reachOrder(ctx, orderId, Permission.OrdersRead))) return null;
    const preview = await ctx.app.returns.preview(orderId, new Map((quantities ?? []).map((q) => [q.orderLineId, q.quantity])));
    if (!preview) return null;
    return preview.lines.map(({ line, quantity, decision }) => ({
      refundQuantity: quantity,
      orderLineId: line.id,
      lineNumber: line.lineNumber,
      skuTitle: line.skuTitle,
      quantity: line.quantity,
      returnedQuantity: line.returnedQuantity,
      allowed: decision.allowed && !!line.subscriptionId,
      code: decision.allowed ? (line.subscriptionId ? null : 'NOT_PROVISIONED') : decision.code,
      message: decision.allowed ? (line.subscriptionId ? null : 'Not provisioned yet.') : decision.message,
      refund: decision.allowed ? Money.of(decision.refund) : null,
      windowClosesAt: decision.closesAt.toISOString(),
    }));
  }

  @RequirePermission(Permission.SupportCases)
  @Mutation(() => ReturnResult, { description: 'Returns seats of an order line within Microsoft’s window; idempotent by key.' })
  async returnOrderLine(
    @Arg('orderLineId', () => ID) orderLineId: string,
    @Arg('quantity', () => Int) quantity: number,
    @Arg('idempotencyKey', () => Code) idempotencyKey: string,
    @Arg('caseId', () => ID, { nullable: true }) caseId: string | null,
    @Ctx() ctx: Context,
  ): Promise<typeof ReturnResult> {
    const result = await ctx.app.returns.returnLine(ctx.actor, { orderLineId, quantity, idempotencyKey, caseId });
    if (!result.ok) return Object.assign(new ReturnRefused(), { code: result.code, message: result.message, windowClosedAt: result.closesAt ?? null, fix: null });
    const note = result.creditNote;
    return Object.assign(new ReturnDone(), { replayed: result.replayed, creditNote: { ...note, amount: Money.of({ amountMinor: note.amountMinor, currency: note.currency }) } });
  }

  @RequirePermission(Permission.OrdersRead)
  @Query(() => Invoice, { nullable: true, description: 'The invoice of an order.' })
  async invoice(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context): Promise<Invoice | null> {
    if (!(await this.reachOrder(ctx, orderId, Permission.OrdersRead))) return null;
    const invoice = await ctx.app.invoices.invoice(orderId);
    if (!invoice) return null;
    const r = invoice.reseller;
    return {
      ...invoice,
      soNumber: invoice.order.soNumber,
      poNumber: invoice.order.poNumber,
      paymentMethod: invoice.order.paymentMethod,
      billTo: `${r.companyName}, ${[r.addressLine1, r.city, r.region, r.postalCode, r.country].filter(Boolean).join(', ')}`,
      lines: invoice.lines.map((l) => ({ ...l, unitPrice: Money.of(l.unitPrice), total: Money.of(l.total) })),
      subtotal: Money.of(invoice.subtotal),
      tax: Money.of(invoice.tax),
      total: Money.of(invoice.total),
      creditNotes: invoice.creditNotes.map((note) => ({
        number: note.number,
        issuedAt: note.issuedAt,
        description: note.description,
        quantity: note.quantity,
        amount: Money.of({ amountMinor: note.amountMinor, currency: note.currency }),
        refundMethod: note.refundMethod,
        pdfUrl: `/invoices/${orderId}/credit-notes/${note.id}.pdf`,
      })),
      refunded: Money.of(invoice.refunded),
      netTotal: Money.of(invoice.netTotal),
      pdfUrl: `/invoices/${orderId}.pdf`,
    };
  }

  @RequirePermission(Permission.SupportCases)
  @Mutation(() => Boolean, { description: 'Sends the invoice to the reseller’s point of contact again.' })
  async resendInvoice(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context): Promise<boolean> {
    const reached = await this.reachOrder(ctx, orderId, Permission.SupportCases);
    const invoice = reached ? await ctx.app.invoices.invoice(orderId) : null;
    if (!reached || !invoice) return false;
    await ctx.app.invoices.resend(reached.actor, invoice);
    return true;
  }

  @RequirePermission(Permission.SupportCases)
  @Mutation(() => OperationRefused, { nullable: true, description: 'Emails a reseller user a one-time link to set a new password; null when sent.' })
  async sendPasswordReset(@Arg('email', () => EmailText) email: string, @Ctx() ctx: Context): Promise<OperationRefused | null> {
    const result = await ctx.app.loginHelp.sendPasswordReset(ctx.actor, email);
    return result.ok ? null : OperationRefused.of('USER_NOT_FOUND', result.message);
  }

  @RequirePermission(Permission.SupportCases)
  @Mutation(() => UnlockSignInResult, { description: "Lifts an account's sign-in lock after too many failures: reseller users for support, any account for admins; rationed." })
  async unlockSignIn(@Arg('email', () => EmailText) email: string, @Ctx() ctx: Context): Promise<typeof UnlockSignInResult> {
    return unlocked(await ctx.app.loginHelp.unlock(ctx.actor, email));
  }

  @RequirePermission(Permission.StaffManage)
  @Mutation(() => UnlockSignInResult, { description: 'Lifts the sign-in lock on a client address (e.g. a shared office or proxy address).' })
  async unlockSignInAddress(@Arg('address', () => Code) address: string, @Ctx() ctx: Context): Promise<typeof UnlockSignInResult> {
    return unlocked(await ctx.app.loginHelp.unlockAddress(ctx.actor, address));
  }

  @RequirePermission(Permission.SupportCases)
  @Mutation(() => Boolean, { description: 'Gives a customer a new portal password; the old one stops working.' })
  regeneratePortalPassword(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.app.loginHelp.regeneratePortalPassword(ctx.actor, customerId);
  }

  @RequirePermission(Permission.SupportCases)
  @Query(() => LoginOwner, { nullable: true, description: 'Which customer (and reseller) a portal login belongs to.' })
  async portalLoginOwner(@Arg('login', () => Code) login: string, @Ctx() ctx: Context): Promise<LoginOwner | null> {
    const found = await ctx.app.loginHelp.lookup(login);
    return found ? { customer: toCustomer(found.customer), reseller: toReseller(found.reseller) } : null;
  }

  @FieldResolver(() => String, { description: 'The reseller’s company name.' })
  async resellerName(@Root() supportCase: SupportCase, @Ctx() { loaders }: Context): Promise<string> {
    return (await loaders.resellerName.load(supportCase.resellerId)) ?? '';
  }

  @FieldResolver(() => String, { nullable: true, description: 'The end customer’s company name, when the case is about one.' })
  customerName(@Root() supportCase: SupportCase, @Ctx() { loaders }: Context): Promise<string | null> {
    return supportCase.customerId ? loaders.customerName.load(supportCase.customerId) : Promise.resolve(null);
  }

  @FieldResolver(() => [CaseComment], { description: 'The conversation and what support did.' })
  async comments(@Root() supportCase: SupportCase, @Ctx() { app }: Context): Promise<CaseComment[]> {
    return app.cases.comments(supportCase.id);
  }
}

const unlocked = (result: UnlockResult): typeof UnlockSignInResult =>
  result.ok ? Object.assign(new SignInUnlocked(), { cleared: result.cleared }) : OperationRefused.of(result.code, result.message);
