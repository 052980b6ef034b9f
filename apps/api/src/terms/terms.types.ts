import { termsRequestSla } from '@nce/domain';
import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../platform/page-info.types.js';
import { BusinessError } from '../platform/business-error.js';
import { NotFound, OperationRefused, ValidationFailed, VersionConflict } from '../platform/common.types.js';
import { Money } from '../platform/money.types.js';
import { Address, AddressInput, Contact, ContactInput } from '../platform/address.types.js';
import { Code, FreeText, ShortText } from '../platform/text.types.js';
import { sortEnum } from '../platform/list-sort.js';
import { detailsOf, type Failure } from '../platform/result.js';
import type { FailureMember } from '../platform/result-union.js';
import type { CreditLedgerEntity, TermsRequestEntity } from './entities.js';
import { TERMS_REQUEST_SORTS, type CreditStanding as ServiceStanding } from './terms.service.js';

export const TermsRequestSortEnum = sortEnum(
  'TermsRequestSort',
  TERMS_REQUEST_SORTS,
  'What the terms queue is sorted on; SUBMITTED (oldest first) unless asked.',
);

@InputType({ description: 'What a reseller sends to ask for marketplace terms.' })
export class TermsRequestInput {
  @Field(() => Code)
  resellerMarketplaceId: string;

  @Field(() => Code)
  bcn: string;

  @Field(() => ShortText)
  companyName: string;

  @Field(() => AddressInput)
  address: AddressInput;

  @Field(() => ContactInput)
  contact: ContactInput;

  @Field(() => Code, { description: 'The credit line asked for, e.g. "25,000" or "25000.00".' })
  requestedLimit: string;

  @Field(() => Code, { nullable: true, description: 'ISO 4217 currency of the amount; USD unless given.' })
  currency?: string | null;
}

@InputType()
export class TermsApprovalInput {
  @Field(() => Code, { description: 'Decimal amount, e.g. "25000.00".' })
  creditLimit: string;

  @Field(() => Code)
  currency: string;

  @Field(() => Code, { description: 'NET_15, NET_30, NET_45 or NET_60.' })
  paymentTerms: string;

  @Field(() => Code, { description: 'YYYY-MM-DD.' })
  effectiveFrom: string;

  @Field(() => FreeText, { nullable: true })
  comment?: string | null;
}

@ObjectType()
export class TermsNote {
  @Field()
  at: string;

  @Field(() => String, { nullable: true })
  authorEmail: string | null;

  @Field()
  kind: string;

  @Field()
  text: string;
}

@ObjectType({ description: 'A terms request, its answer window and its decision.' })
export class TermsRequest {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  resellerId: string;

  @Field()
  status: string;

  @Field()
  marketplaceId: string;

  @Field()
  bcn: string;

  @Field()
  companyName: string;

  @Field(() => Address)
  address: Address;

  @Field(() => Contact)
  contact: Contact;

  @Field()
  submittedAt: string;

  @Field({ description: 'ON_TRACK, DUE_SOON (after 24 h), OVERDUE (after 48 h) or ANSWERED.' })
  sla: string;

  @Field({ description: 'Hours since the answer clock started.' })
  ageHours: number;

  @Field()
  dueAt: string;

  @Field(() => String, { nullable: true })
  assigneeEmail: string | null;

  @Field(() => Money, { nullable: true, description: 'The credit line the reseller asked for.' })
  requestedLimit: Money | null;

  @Field(() => Money, { nullable: true })
  creditLimit: Money | null;

  @Field(() => String, { nullable: true })
  paymentTerms: string | null;

  @Field(() => String, { nullable: true })
  effectiveFrom: string | null;

  @Field(() => String, { nullable: true })
  decisionReason: string | null;

  @Field(() => String, { nullable: true })
  decidedAt: string | null;

  @Field(() => String, { nullable: true })
  decidedByEmail: string | null;

  @Field(() => Int)
  version: number;

  // Detail only; resolved by TermsResolver.
  notes?: TermsNote[];

  /** A stored request as the API shows it; its answer window measured at `now`. */
  static of(r: TermsRequestEntity, now: Date): TermsRequest {
    const sla = termsRequestSla(r.status, new Date(r.waitingSince), now);
    return Object.assign(new TermsRequest(), {
      ...r,
      sla: sla.sla,
      ageHours: Math.round(sla.ageHours * 10) / 10,
      dueAt: sla.dueAt.toISOString(),
      requestedLimit:
        r.requestedLimitMinor !== null && r.requestedCurrency
          ? Money.of({ amountMinor: r.requestedLimitMinor, currency: r.requestedCurrency })
          : null,
      creditLimit:
        r.creditLimitMinor !== null && r.currency
          ? Money.of({ amountMinor: r.creditLimitMinor, currency: r.currency })
          : null,
    });
  }
}

@ObjectType()
export class TermsRequestConnection {
  @Field(() => [TermsRequest])
  nodes: TermsRequest[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType()
export class TermsRequestSaved {
  @Field(() => TermsRequest)
  request: TermsRequest;

  static of(this: void, request: TermsRequestEntity, now: Date): TermsRequestSaved {
    return Object.assign(new TermsRequestSaved(), { request: TermsRequest.of(request, now) });
  }
}

@ObjectType({ implements: BusinessError, description: 'The reseller has an open request already.' })
export class OpenTermsRequestExists extends BusinessError {
  @Field(() => ID)
  requestId: string;

  static from(this: void, failure: Failure): OpenTermsRequestExists {
    return Object.assign(new OpenTermsRequestExists(), {
      code: failure.code,
      message: failure.message,
      requestId: detailsOf<{ requestId: string }>(failure).requestId,
      fix: null,
    });
  }
}

/** The failures of TermsResult that carry more than a code and a message. */
export const TERMS_FAILURES: Record<string, FailureMember> = { OPEN_REQUEST_EXISTS: OpenTermsRequestExists.from };

@ObjectType()
export class LedgerEntry {
  @Field()
  at: string;

  @Field()
  kind: string;

  @Field(() => Money)
  amount: Money;

  @Field(() => String, { nullable: true })
  reference: string | null;

  @Field()
  note: string;
}

@ObjectType({ description: 'A reseller’s marketplace credit, from its ledger.' })
export class CreditStanding {
  @Field(() => Money, { nullable: true })
  limit: Money | null;

  @Field(() => Money, { nullable: true })
  used: Money | null;

  @Field(() => Money, { nullable: true })
  available: Money | null;

  @Field(() => String, { nullable: true })
  paymentTerms: string | null;

  @Field(() => [LedgerEntry])
  ledger: LedgerEntry[];

  static of(standing: ServiceStanding): CreditStanding {
    const money = (value: { amountMinor: number; currency: string } | null) => (value ? Money.of(value) : null);
    return {
      ...standing,
      limit: money(standing.limit),
      used: money(standing.used),
      available: money(standing.available),
      ledger: standing.ledger.map((e: CreditLedgerEntity) => ({
        ...e,
        amount: Money.of({ amountMinor: e.amountMinor, currency: e.currency }),
      })),
    };
  }
}

export const TermsResult = createUnionType({
  name: 'TermsResult',
  types: () =>
    [TermsRequestSaved, ValidationFailed, VersionConflict, NotFound, OpenTermsRequestExists, OperationRefused] as const,
});
