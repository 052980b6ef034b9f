import type { TermsRequestState } from '@nce/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { SortDirection, sortOrder } from '../platform/list-sort.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { Code, Cursor, FreeText, ShortText } from '../platform/text.types.js';
import { TERMS_REQUEST_SORTS, type DecideEvent } from './terms.service.js';
import {
  CreditStanding,
  TERMS_FAILURES,
  TermsApprovalInput,
  TermsNote,
  TermsRequest,
  TermsRequestConnection,
  TermsRequestInput,
  TermsRequestSaved,
  TermsRequestSortEnum,
  TermsResult,
} from './terms.types.js';

@Resolver(() => TermsRequest)
export class TermsResolver {
  @RequirePermission(Permission.TermsSubmit)
  @Mutation(() => TermsResult, {
    description: 'Asks the credit team for marketplace terms; one open request per reseller.',
  })
  async submitTermsRequest(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('input', () => TermsRequestInput) input: TermsRequestInput,
    @Ctx() ctx: Context,
  ): Promise<typeof TermsResult> {
    return toUnion(
      await ctx.app.terms.submit(ctx, resellerId, input),
      (r) => TermsRequestSaved.of(r, ctx.clock.now()),
      TERMS_FAILURES,
    );
  }

  @RequirePermission(Permission.SignedIn)
  @Query(() => TermsRequestConnection, {
    description: 'The credit queue, oldest first; reseller users see their own requests.',
  })
  async termsRequests(
    @Arg('resellerId', () => ID, { nullable: true }) resellerId: string | null,
    @Arg('statuses', () => [Code], { nullable: true }) statuses: string[] | null,
    @Arg('search', () => ShortText, { nullable: true }) search: string | null,
    @Arg('sortBy', () => TermsRequestSortEnum, { nullable: true }) sortBy: keyof typeof TERMS_REQUEST_SORTS | null,
    @Arg('direction', () => SortDirection, { nullable: true }) direction: SortDirection | null,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<TermsRequestConnection> {
    const page = await ctx.app.terms.list(
      ctx,
      { resellerId, statuses: statuses as TermsRequestState[] | null, search },
      first,
      after,
      sortOrder(TERMS_REQUEST_SORTS, 'SUBMITTED', sortBy, direction),
    );
    return {
      nodes: page.requests.map((r) => TermsRequest.of(r, ctx.clock.now())),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @RequirePermission(Permission.SignedIn)
  @Query(() => TermsRequest, { nullable: true })
  async termsRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<TermsRequest | null> {
    const request = await ctx.app.terms.get(ctx, id);
    return request && TermsRequest.of(request, ctx.clock.now());
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => TermsResult, {
    description:
      'Moves a request on: CLAIM, RELEASE, REQUEST_INFO, REJECT (with comment), WITHDRAW. Approve with approveTermsRequest.',
  })
  async decideTermsRequest(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('event', () => Code) event: string,
    @Arg('comment', () => FreeText, { nullable: true }) comment: string | null,
    @Ctx() ctx: Context,
  ): Promise<typeof TermsResult> {
    return toUnion(
      await ctx.app.terms.decide(ctx, id, version, event as DecideEvent, comment),
      (r) => TermsRequestSaved.of(r, ctx.clock.now()),
      TERMS_FAILURES,
    );
  }

  @RequirePermission(Permission.TermsReview)
  @Mutation(() => TermsResult, {
    description: 'Approves with a credit limit, payment terms and effective date; the reseller may then pay on terms.',
  })
  async approveTermsRequest(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => TermsApprovalInput) input: TermsApprovalInput,
    @Ctx() ctx: Context,
  ): Promise<typeof TermsResult> {
    return toUnion(
      await ctx.app.terms.approve(ctx, id, version, input),
      (r) => TermsRequestSaved.of(r, ctx.clock.now()),
      TERMS_FAILURES,
    );
  }

  @RequirePermission(Permission.TermsSubmit)
  @Mutation(() => TermsResult, {
    description:
      'The reseller answers a request for information, or resubmits after a rejection, with corrected details.',
  })
  async updateTermsRequest(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => TermsRequestInput) input: TermsRequestInput,
    @Ctx() ctx: Context,
  ): Promise<typeof TermsResult> {
    return toUnion(
      await ctx.app.terms.update(ctx, id, version, input),
      (r) => TermsRequestSaved.of(r, ctx.clock.now()),
      TERMS_FAILURES,
    );
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => TermsResult)
  async commentTermsRequest(
    @Arg('id', () => ID) id: string,
    @Arg('text', () => FreeText) text: string,
    @Ctx() ctx: Context,
  ): Promise<typeof TermsResult> {
    return toUnion(
      await ctx.app.terms.comment(ctx, id, text),
      (r) => TermsRequestSaved.of(r, ctx.clock.now()),
      TERMS_FAILURES,
    );
  }

  @RequirePermission(Permission.CreditLimitsRead)
  @Query(() => CreditStanding, {
    description: 'Limit, used, available and the ledger of a reseller’s marketplace credit.',
  })
  async resellerCredit(@Arg('resellerId', () => ID) resellerId: string, @Ctx() ctx: Context): Promise<CreditStanding> {
    return CreditStanding.of(await ctx.app.terms.standing(ctx, resellerId));
  }

  @FieldResolver(() => [TermsNote], { description: 'History: comments and changes of status.' })
  async notes(@Root() request: TermsRequest, @Ctx() ctx: Context): Promise<TermsNote[]> {
    return ctx.app.terms.notes(ctx, request.id);
  }
}
