import { parseMoney, PAYMENT_TERMS, TERMS_REQUEST_STATES, type PaymentTerms, type TermsRequestEvent, type TermsRequestState } from '@nce/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { NotFound, OperationRefused, ValidationFailed, VersionConflict } from '../platform/common.types.js';
import { Money } from '../platform/money.types.js';
import { actorForReseller, forbidden } from '../platform/ownership.js';
import { hasPermission, Permission, RequirePermission } from '../platform/permissions.js';
import type { TermsRequestEntity } from './entities.js';
import type { TermsResult as ServiceResult, TermsService } from './terms.service.js';
import { CreditStanding, OpenTermsRequestExists, TermsApprovalInput, TermsNote, TermsRequest, TermsRequestConnection, TermsRequestInput, TermsRequestSaved, TermsResult } from './terms.types.js';
import { Code, Cursor, FreeText, ShortText } from '../platform/text.types.js';
import { TermsRequestSortEnum } from './terms.types.js';
import { SortDirection, sortOrder } from '../platform/list-sort.js';
import { TERMS_REQUEST_SORTS } from './terms.service.js';

const toRequest = (r: TermsRequestEntity, service: TermsService): TermsRequest => {
  const sla = service.sla(r);
  return Object.assign(new TermsRequest(), {
    ...r,
    address: { line1: r.addressLine1, line2: r.addressLine2, city: r.city, region: r.region, postalCode: r.postalCode, country: r.country },
    contact: { name: r.contactName, email: r.contactEmail, phone: r.contactPhone },
    sla: sla.sla,
    ageHours: Math.round(sla.ageHours * 10) / 10,
    dueAt: sla.dueAt.toISOString(),
    requestedLimit: r.requestedLimitMinor !== null && r.requestedCurrency ? Money.of({ amountMinor: r.requestedLimitMinor, currency: r.requestedCurrency }) : null,
    creditLimit: r.creditLimitMinor !== null && r.currency ? Money.of({ amountMinor: r.creditLimitMinor, currency: r.currency }) : null,
  });
};

function toResult(result: ServiceResult, service: TermsService): typeof TermsResult {
  if (result.ok) return Object.assign(new TermsRequestSaved(), { request: toRequest(result.request, service) });
  const error = result.error;
  switch (error.code) {
    case 'VALIDATION_FAILED':
      return ValidationFailed.of(error.fields);
    case 'VERSION_CONFLICT':
      return VersionConflict.of('terms request', error.currentVersion);
    case 'NOT_FOUND':
      return Object.assign(NotFound.of('terms request', ''), { message: error.message });
    case 'OPEN_REQUEST_EXISTS':
      return Object.assign(new OpenTermsRequestExists(), { code: error.code, message: error.message, requestId: error.requestId, fix: null });
    default:
      return OperationRefused.of(error.code, error.message, error.code === 'NOT_ASSIGNEE' ? { kind: 'action', label: 'Claim the request first' } : null);
  }
}

@Resolver(() => TermsRequest)
export class TermsResolver {
  /** A request the caller may see: its reseller's users, or the credit team. */
  private async reach(ctx: Context, id: string) {
    const request = await ctx.app.terms.get(id);
    if (!request) return null;
    if (ctx.principal?.kind === 'reseller') {
      if (ctx.principal.resellerId !== request.resellerId) throw forbidden();
      return { request, actor: ctx.actor };
    }
    if (!hasPermission(ctx.principal, Permission.TermsReview) && !hasPermission(ctx.principal, Permission.TermsSubmit)) throw forbidden();
    return { request, actor: { ...ctx.actor, onBehalfOfResellerId: request.resellerId } };
  }

  @RequirePermission(Permission.TermsSubmit)
  @Mutation(() => TermsResult, { description: 'Asks the credit team for marketplace terms; one open request per reseller.' })
  async submitTermsRequest(@Arg('resellerId', () => ID) resellerId: string, @Arg('input', () => TermsRequestInput) input: TermsRequestInput, @Ctx() ctx: Context): Promise<typeof TermsResult> {
    const actor = actorForReseller(ctx.principal, ctx.actor, resellerId, Permission.TermsSubmit);
    return toResult(await ctx.app.terms.submit(actor, resellerId, input), ctx.app.terms);
  }

  @RequirePermission(Permission.SignedIn)
  @Query(() => TermsRequestConnection, { description: 'The credit queue, oldest first; reseller users see their own requests.' })
  async termsRequests(
    @Arg('resellerId', () => ID, { nullable: true }) resellerId: string | null,
    @Arg('statuses', () => [Code], { nullable: true }) statuses: string[] | null,
    @Arg('search', () => ShortText, { nullable: true }) search: string | null,
    @Arg('sortBy', () => TermsRequestSortEnum, { nullable: true }) sortBy: keyof typeof TERMS_REQUEST_SORTS | null,
    @Arg('direction', () => SortDirection, { nullable: true }) direction: SortDirection | null,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() { app, principal }: Context,
  ): Promise<TermsRequestConnection> {
    const own = principal?.kind === 'reseller';
    if (!own && !hasPermission(principal, Permission.TermsReview) && !(resellerId && hasPermission(principal, Permission.TermsSubmit))) throw forbidden();
    const known = (statuses ?? []).filter((s): s is TermsRequestState => (TERMS_REQUEST_STATES as readonly string[]).includes(s));
    const page = await app.terms.list({ resellerId: own ? principal.resellerId : resellerId, statuses: known, search }, first, after, sortOrder(TERMS_REQUEST_SORTS, 'SUBMITTED', sortBy, direction));
    return { nodes: page.requests.map((r) => toRequest(r, app.terms)), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @RequirePermission(Permission.SignedIn)
  @Query(() => TermsRequest, { nullable: true })
  async termsRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<TermsRequest | null> {
    const reached = await this.reach(ctx, id);
    return reached ? toRequest(reached.request, ctx.app.terms) : null;
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => TermsResult, { description: 'Moves a request on: CLAIM, RELEASE, REQUEST_INFO, REJECT (with comment), WITHDRAW. Approve with approveTermsRequest.' })
  async decideTermsRequest(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('event', () => Code) event: string,
    @Arg('comment', () => FreeText, { nullable: true }) comment: string | null,
    @Ctx() ctx: Context,
  ): Promise<typeof TermsResult> {
    const reached = await this.reach(ctx, id);
    if (!reached) return NotFound.of('terms request', id);
    const analyst = ['CLAIM', 'RELEASE', 'REQUEST_INFO', 'REJECT'].includes(event);
    if (analyst ? !hasPermission(ctx.principal, Permission.TermsReview) : event !== 'WITHDRAW') throw forbidden();
    return toResult(await ctx.app.terms.decide(reached.actor, id, version, { event: event as TermsRequestEvent, comment }), ctx.app.terms);
  }

  @RequirePermission(Permission.TermsReview)
  @Mutation(() => TermsResult, { description: 'Approves with a credit limit, payment terms and effective date; the reseller may then pay on terms.' })
  async approveTermsRequest(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('input', () => TermsApprovalInput) input: TermsApprovalInput, @Ctx() ctx: Context): Promise<typeof TermsResult> {
    const reached = await this.reach(ctx, id);
    if (!reached) return NotFound.of('terms request', id);
    const limit = parseMoney(input.creditLimit, input.currency.toUpperCase());
    if (!limit.ok) return ValidationFailed.of([{ field: 'creditLimit', code: limit.code, message: limit.message }]);
    if (!(PAYMENT_TERMS as readonly string[]).includes(input.paymentTerms)) return ValidationFailed.of([{ field: 'paymentTerms', code: 'PAYMENT_TERMS_UNKNOWN', message: `Payment terms are one of ${PAYMENT_TERMS.join(', ')}.` }]);
    return toResult(
      await ctx.app.terms.decide(reached.actor, id, version, { event: 'APPROVE', comment: input.comment, approval: { creditLimit: limit.value, paymentTerms: input.paymentTerms as PaymentTerms, effectiveFrom: input.effectiveFrom } }),
      ctx.app.terms,
    );
  }

  @RequirePermission(Permission.TermsSubmit)
  @Mutation(() => TermsResult, { description: 'The reseller answers a request for information, or resubmits after a rejection, with corrected details.' })
  async updateTermsRequest(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('input', () => TermsRequestInput) input: TermsRequestInput, @Ctx() ctx: Context): Promise<typeof TermsResult> {
    const reached = await this.reach(ctx, id);
    if (!reached) return NotFound.of('terms request', id);
    const event: TermsRequestEvent = reached.request.status === 'REJECTED' ? 'RESUBMIT' : 'PROVIDE_INFO';
    return toResult(await ctx.app.terms.decide(reached.actor, id, version, { event, input }), ctx.app.terms);
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => TermsResult)
  async commentTermsRequest(@Arg('id', () => ID) id: string, @Arg('text', () => FreeText) text: string, @Ctx() ctx: Context): Promise<typeof TermsResult> {
    const reached = await this.reach(ctx, id);
    if (!reached) return NotFound.of('terms request', id);
    return toResult(await ctx.app.terms.comment(reached.actor, id, text), ctx.app.terms);
  }

  @RequirePermission(Permission.CreditLimitsRead)
  @Query(() => CreditStanding, { description: 'Limit, used, available and the ledger of a reseller’s marketplace credit.' })
  async resellerCredit(@Arg('resellerId', () => ID) resellerId: string, @Ctx() ctx: Context): Promise<CreditStanding> {
    actorForReseller(ctx.principal, ctx.actor, resellerId, Permission.CreditLimitsRead);
    const standing = await ctx.app.terms.standing(resellerId);
    return {
      ...standing,
      limit: standing.limit ? Money.of(standing.limit) : null,
      used: standing.used ? Money.of(standing.used) : null,
      available: standing.available ? Money.of(standing.available) : null,
      ledger: standing.ledger.map((e) => ({ ...e, amount: Money.of({ amountMinor: e.amountMinor, currency: e.currency }) })),
    };
  }

  @FieldResolver(() => [TermsNote], { description: 'History: comments and changes of status.' })
  async notes(@Root() request: TermsRequest, @Ctx() { app }: Context): Promise<TermsNote[]> {
    return app.terms.notes(request.id);
  }
}
