import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { Code, Cursor } from '../platform/text.types.js';
import { Dashboard, DashboardResult } from './dashboard.types.js';
import {
  BillingRun,
  CloseMonthResult,
  CorrectInvoiceInput,
  CorrectInvoiceResult,
  InvoiceCorrected,
  InvoiceResent,
  MonthlyInvoice,
  MonthlyInvoiceConnection,
  ResendInvoiceResult,
} from './monthly-billing.types.js';
import { BillingPermission } from './reconciliation.service.js';

@Resolver(() => BillingRun)
export class MonthlyBillingResolver {
  @RequirePermission(BillingPermission.Reconcile)
  @Query(() => BillingRun, { nullable: true, description: 'A month’s close; null when it was not closed.' })
  async billingRun(@Arg('month', () => Code) month: string, @Ctx() ctx: Context): Promise<BillingRun | null> {
    const run = await ctx.app.monthlyBilling.run(ctx, month);
    return run && BillingRun.of(run);
  }

  @RequirePermission(Permission.SignedIn)
  @Query(() => MonthlyInvoiceConnection, {
    description: 'Monthly invoices, newest first: staff any reseller’s (or one’s); a reseller user its own.',
  })
  async monthlyInvoices(
    @Arg('first', () => Int) first: number,
    @Ctx() ctx: Context,
    @Arg('after', () => Cursor, { nullable: true }) after?: string | null,
    @Arg('month', () => Code, { nullable: true }) month?: string | null,
    @Arg('resellerId', () => ID, { nullable: true }) resellerId?: string | null,
  ): Promise<MonthlyInvoiceConnection> {
    const page = await ctx.app.monthlyBilling.list(ctx, { month, resellerId }, first, after);
    return {
      nodes: page.invoices.map(MonthlyInvoice.of),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @RequirePermission(BillingPermission.Reports)
  @Query(() => DashboardResult, {
    description:
      'Revenue, margin and renewals due: staff the distributor’s (or one reseller’s); a reseller user its own.',
  })
  async dashboard(
    @Ctx() ctx: Context,
    @Arg('currency', () => Code, { defaultValue: 'USD' }) currency: string,
    @Arg('resellerId', () => ID, { nullable: true }) resellerId?: string | null,
  ): Promise<typeof DashboardResult> {
    return toUnion(await ctx.app.dashboard.view(ctx, { currency, resellerId }), Dashboard.of);
  }

  @RequirePermission(BillingPermission.Close)
  @Mutation(() => CloseMonthResult, {
    description: 'Closes a month that has ended: one invoice per reseller and currency, issued once by a job.',
  })
  async closeBillingMonth(
    @Arg('month', () => Code) month: string,
    @Ctx() ctx: Context,
  ): Promise<typeof CloseMonthResult> {
    return toUnion(await ctx.app.monthlyBilling.close(ctx, month), BillingRun.of);
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => ResendInvoiceResult, { description: 'Emails a monthly invoice again to its reseller’s contact.' })
  async resendMonthlyInvoice(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<typeof ResendInvoiceResult> {
    return toUnion(await ctx.app.monthlyBilling.resend(ctx, id), InvoiceResent.of);
  }

  @RequirePermission(BillingPermission.Close)
  @Mutation(() => CorrectInvoiceResult, {
    description: 'Corrects an issued monthly invoice: a credit note cancels it, a new invoice replaces it.',
  })
  async correctMonthlyInvoice(
    @Arg('input', () => CorrectInvoiceInput) input: CorrectInvoiceInput,
    @Ctx() ctx: Context,
  ): Promise<typeof CorrectInvoiceResult> {
    return toUnion(await ctx.app.monthlyBilling.correct(ctx, input), InvoiceCorrected.of);
  }
}
