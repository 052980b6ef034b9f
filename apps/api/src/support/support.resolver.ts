import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { OperationRefused } from '../platform/common.types.js';
import { SortDirection, sortOrder } from '../platform/list-sort.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { Code, Cursor, EmailText, FreeText, ShortText } from '../platform/text.types.js';
import { CASE_SORTS } from './case.service.js';
import type { CasePriority, CaseType } from './entities.js';
import {
  CaseComment,
  CaseResult,
  CaseSaved,
  CaseSortEnum,
  Invoice,
  LoginOwner,
  NewCaseInput,
  ReturnDone,
  ReturnOption,
  ReturnQuantityInput,
  ReturnRefused,
  ReturnResult,
  SignInUnlocked,
  SupportCase,
  SupportCaseConnection,
  UnlockSignInResult,
} from './support.types.js';

@Resolver(() => SupportCase)
export class SupportResolver {
  @RequirePermission(Permission.CasesOpen)
  @Mutation(() => CaseResult, {
    description: 'Opens a support case (a reseller for itself, or support on its behalf).',
  })
  async openSupportCase(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('input', () => NewCaseInput) input: NewCaseInput,
    @Ctx() ctx: Context,
  ): Promise<typeof CaseResult> {
    const opened = await ctx.app.cases.open(ctx, resellerId, {
      ...input,
      type: input.type as CaseType,
      priority: input.priority as CasePriority | null,
    });
    return toUnion(opened, (c) => CaseSaved.of(c, ctx.clock.now()));
  }

  @RequirePermission(Permission.CasesOpen)
  @Query(() => SupportCaseConnection, {
    description: 'The support queue, oldest first; reseller users see their own cases.',
  })
  async supportCases(
    @Arg('resellerId', () => ID, {
      nullable: true,
      description: 'One reseller’s cases (support only; a reseller user sees its own).',
    })
    resellerId: string | null,
    @Arg('statuses', () => [Code], { nullable: true }) statuses: string[] | null,
    @Arg('type', () => Code, { nullable: true }) type: string | null,
    @Arg('search', () => ShortText, { nullable: true }) search: string | null,
    @Arg('sortBy', () => CaseSortEnum, { nullable: true }) sortBy: keyof typeof CASE_SORTS | null,
    @Arg('direction', () => SortDirection, { nullable: true }) direction: SortDirection | null,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<SupportCaseConnection> {
    const page = await ctx.app.cases.list(
      ctx,
      { resellerId, statuses, type: type as CaseType | null, search },
      first,
      after,
      sortOrder(CASE_SORTS, 'OPENED', sortBy, direction),
    );
    return {
      nodes: page.cases.map((c) => SupportCase.of(c, ctx.clock.now())),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @RequirePermission(Permission.CasesOpen)
  @Query(() => SupportCase, { nullable: true })
  async supportCase(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SupportCase | null> {
    const supportCase = await ctx.app.cases.get(ctx, id);
    return supportCase && SupportCase.of(supportCase, ctx.clock.now());
  }

  @RequirePermission(Permission.SupportCases)
  @Mutation(() => CaseResult, {
    description: 'Status, priority, or "assign to me"; refuses to overwrite a newer version.',
  })
  async updateSupportCase(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('status', () => Code, { nullable: true }) status: string | null,
    @Arg('priority', () => Code, { nullable: true }) priority: string | null,
    @Arg('assignToMe', () => Boolean, { nullable: true }) assignToMe: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<typeof CaseResult> {
    return toUnion(await ctx.app.cases.update(ctx, id, version, { status, priority, assignToMe }), (c) =>
      CaseSaved.of(c, ctx.clock.now()),
    );
  }

  @RequirePermission(Permission.CasesOpen)
  @Mutation(() => CaseResult)
  async commentSupportCase(
    @Arg('id', () => ID) id: string,
    @Arg('text', () => FreeText) text: string,
    @Ctx() ctx: Context,
  ): Promise<typeof CaseResult> {
    return toUnion(await ctx.app.cases.comment(ctx, id, text), (c) => CaseSaved.of(c, ctx.clock.now()));
  }

  @RequirePermission(Permission.OrdersRead)
  @Query(() => [ReturnOption], {
    nullable: true,
    description: 'Each line’s return eligibility and refund now, before anything is submitted.',
  })
  async returnOptions(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('quantities', () => [ReturnQuantityInput], {
      nullable: true,
      description: 'Seats to price a return of, per line; otherwise every seat left.',
    })
    quantities: ReturnQuantityInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<ReturnOption[] | null> {
    const preview = await ctx.app.returns.preview(
      ctx,
      orderId,
      new Map((quantities ?? []).map((q) => [q.orderLineId, q.quantity])),
    );
    return preview && preview.lines.map(ReturnOption.of);
  }

  @RequirePermission(Permission.SupportCases)
  @Mutation(() => ReturnResult, {
    description: 'Returns seats of an order line within Microsoft’s window; idempotent by key.',
  })
  async returnOrderLine(
    @Arg('orderLineId', () => ID) orderLineId: string,
    @Arg('quantity', () => Int) quantity: number,
    @Arg('idempotencyKey', () => Code) idempotencyKey: string,
    @Arg('caseId', () => ID, { nullable: true }) caseId: string | null,
    @Ctx() ctx: Context,
  ): Promise<typeof ReturnResult> {
    return toUnion(
      await ctx.app.returns.returnLine(ctx, { orderLineId, quantity, idempotencyKey, caseId }),
      ReturnDone.of,
      ReturnRefused.from,
    );
  }

  @RequirePermission(Permission.OrdersRead)
  @Query(() => Invoice, { nullable: true, description: 'The invoice of an order.' })
  async invoice(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context): Promise<Invoice | null> {
    const invoice = await ctx.app.invoices.invoice(ctx, orderId);
    return invoice && Invoice.of(invoice);
  }

  @RequirePermission(Permission.SupportCases)
  @Mutation(() => Boolean, { description: 'Sends the invoice to the reseller’s point of contact again.' })
  resendInvoice(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.app.invoices.resend(ctx, orderId);
  }

  @RequirePermission(Permission.SupportCases)
  @Mutation(() => OperationRefused, {
    nullable: true,
    description: 'Emails a reseller user a one-time link to set a new password; null when sent.',
  })
  async sendPasswordReset(
    @Arg('email', () => EmailText) email: string,
    @Ctx() ctx: Context,
  ): Promise<OperationRefused | null> {
    return toUnion(await ctx.app.loginHelp.sendPasswordReset(ctx, email), () => null, OperationRefused.from);
  }

  @RequirePermission(Permission.SupportCases)
  @Mutation(() => UnlockSignInResult, {
    description:
      "Lifts an account's sign-in lock after too many failures: reseller users for support, any account for admins; rationed.",
  })
  async unlockSignIn(
    @Arg('email', () => EmailText) email: string,
    @Ctx() ctx: Context,
  ): Promise<typeof UnlockSignInResult> {
    return toUnion(await ctx.app.loginHelp.unlock(ctx, email), SignInUnlocked.of);
  }

  @RequirePermission(Permission.StaffManage)
  @Mutation(() => UnlockSignInResult, {
    description: 'Lifts the sign-in lock on a client address (e.g. a shared office or proxy address).',
  })
  async unlockSignInAddress(
    @Arg('address', () => Code) address: string,
    @Ctx() ctx: Context,
  ): Promise<typeof UnlockSignInResult> {
    return toUnion(await ctx.app.loginHelp.unlockAddress(ctx, address), SignInUnlocked.of);
  }

  @RequirePermission(Permission.SupportCases)
  @Mutation(() => Boolean, { description: 'Gives a customer a new portal password; the old one stops working.' })
  regeneratePortalPassword(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.app.loginHelp.regeneratePortalPassword(ctx, customerId);
  }

  @RequirePermission(Permission.SupportCases)
  @Query(() => LoginOwner, { nullable: true, description: 'Which customer (and reseller) a portal login belongs to.' })
  async portalLoginOwner(@Arg('login', () => Code) login: string, @Ctx() ctx: Context): Promise<LoginOwner | null> {
    return LoginOwner.of(await ctx.app.loginHelp.lookup(ctx, login));
  }

  @FieldResolver(() => String, { description: 'The reseller’s company name.' })
  async resellerName(@Root() supportCase: SupportCase, @Ctx() { loaders }: Context): Promise<string> {
    return (await loaders.resellerName.load(supportCase.resellerId)) ?? '';
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The end customer’s company name, when the case is about one.',
  })
  customerName(@Root() supportCase: SupportCase, @Ctx() { loaders }: Context): Promise<string | null> {
    return supportCase.customerId ? loaders.customerName.load(supportCase.customerId) : Promise.resolve(null);
  }

  @FieldResolver(() => [CaseComment], { description: 'The conversation and what support did.' })
  async comments(@Root() supportCase: SupportCase, @Ctx() ctx: Context): Promise<CaseComment[]> {
    return ctx.app.cases.comments(ctx, supportCase.id);
  }
}
