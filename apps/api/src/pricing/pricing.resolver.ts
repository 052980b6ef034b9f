import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { ShortText } from '../platform/text.types.js';
import { PricingPermission } from './pricing.service.js';
import {
  CustomerMarkup,
  CustomerMarkupInput,
  CustomerMarkupSaved,
  SaveCustomerMarkupResult,
  PreviewPriceRuleResult,
  PriceBook,
  PriceBookAssignment,
  PriceBookLevelEnum,
  PriceBookRef,
  PriceBookSaved,
  PriceRuleInput,
  PriceRulePreviewResult,
  PriceRuleSaved,
  SavePriceBookResult,
  SavePriceRuleResult,
} from './pricing.types.js';

@Resolver(() => PriceBook)
export class PricingResolver {
  @RequirePermission(PricingPermission.Manage)
  @Query(() => [PriceBook], { description: 'Every price book with its rules, the master book first.' })
  async priceBooks(@Ctx() ctx: Context): Promise<PriceBook[]> {
    return (await ctx.app.pricing.list(ctx)).map(PriceBook.of);
  }

  @RequirePermission(PricingPermission.Manage)
  @Query(() => PriceBookAssignment, { description: 'The book a reseller or customer is priced by.' })
  async priceBookOf(
    @Arg('level', () => PriceBookLevelEnum) level: PriceBookLevelEnum,
    @Arg('targetId', () => ID) targetId: string,
    @Ctx() ctx: Context,
  ): Promise<PriceBookAssignment> {
    const { book, own } = await ctx.app.pricing.bookOf(ctx, level, targetId);
    return { book: PriceBookRef.of(book), own };
  }

  @RequirePermission(PricingPermission.Manage)
  @Query(() => PreviewPriceRuleResult, {
    description: 'What a rule would do on its first day, before it is added: offers moved, prices and margins.',
  })
  async previewPriceRule(
    @Arg('bookId', () => ID) bookId: string,
    @Arg('input', () => PriceRuleInput) input: PriceRuleInput,
    @Ctx() ctx: Context,
  ): Promise<typeof PreviewPriceRuleResult> {
    return toUnion(await ctx.app.pricing.preview(ctx, bookId, input), PriceRulePreviewResult.of);
  }

  @RequirePermission(PricingPermission.Manage)
  @Mutation(() => SavePriceBookResult, { description: 'Adds a price book, with no rules.' })
  async createPriceBook(
    @Arg('name', () => ShortText) name: string,
    @Ctx() ctx: Context,
  ): Promise<typeof SavePriceBookResult> {
    return toUnion(await ctx.app.pricing.createBook(ctx, name), PriceBookSaved.of);
  }

  @RequirePermission(PricingPermission.Manage)
  @Mutation(() => SavePriceRuleResult, { description: 'Adds a rule to a book, from today or a later day.' })
  async addPriceRule(
    @Arg('bookId', () => ID) bookId: string,
    @Arg('input', () => PriceRuleInput) input: PriceRuleInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SavePriceRuleResult> {
    return toUnion(await ctx.app.pricing.addRule(ctx, bookId, input), PriceRuleSaved.of);
  }

  @RequirePermission(PricingPermission.Manage)
  @Mutation(() => SavePriceRuleResult, {
    description: 'Ends a rule: its last day becomes yesterday; one not started yet is removed.',
  })
  async endPriceRule(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<typeof SavePriceRuleResult> {
    return toUnion(await ctx.app.pricing.endRule(ctx, id), PriceRuleSaved.of);
  }

  @RequirePermission(PricingPermission.Manage)
  @Mutation(() => SavePriceBookResult, {
    description: 'Puts a reseller or a customer on a book; no bookId takes it off (back to the book above it).',
  })
  async assignPriceBook(
    @Arg('level', () => PriceBookLevelEnum) level: PriceBookLevelEnum,
    @Arg('targetId', () => ID) targetId: string,
    @Ctx() ctx: Context,
    @Arg('bookId', () => ID, { nullable: true }) bookId?: string | null,
  ): Promise<typeof SavePriceBookResult> {
    return toUnion(await ctx.app.pricing.assign(ctx, level, targetId, bookId ?? null), PriceBookSaved.of);
  }

  @RequirePermission(Permission.SignedIn)
  @Query(() => [CustomerMarkup], { description: 'A reseller’s markups for its end customers.' })
  async resellerMarkups(
    @Arg('resellerId', () => ID) resellerId: string,
    @Ctx() ctx: Context,
  ): Promise<CustomerMarkup[]> {
    return (await ctx.app.pricing.markups(ctx, resellerId)).map(CustomerMarkup.of);
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => SaveCustomerMarkupResult, {
    description:
      'Sets (or, without a percent, removes) a reseller’s markup: suggestions only, nothing it pays changes.',
  })
  async setResellerMarkup(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('input', () => CustomerMarkupInput) input: CustomerMarkupInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SaveCustomerMarkupResult> {
    return toUnion(await ctx.app.pricing.setMarkup(ctx, resellerId, input), CustomerMarkupSaved.of);
  }
}
