import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PageInfo } from '../platform/page-info.types.js';
import { Code, ShortText } from '../platform/text.types.js';

import type { AuditEntryEntity } from './audit-entry.entity.js';
import type { FieldChanges } from './audit.service.js';
@ObjectType()
export class FieldChange {
  @Field()
  field: string;

  @Field(() => String, { nullable: true, description: 'JSON of the value before; secrets appear as "[redacted]".' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the value after.' })
  after: string | null;
}

@ObjectType({ description: 'One change of state, who made it, on whose behalf, and what changed.' })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field()
  at: string;

  @Field({ description: 'Staff, reseller, system or anonymous.' })
  actorKind: string;

  @Field(() => ID, { nullable: true })
  actorUserId: string | null;

  @Field(() => String, { nullable: true })
  actorEmail: string | null;

  @Field(() => [String])
  actorRoles: string[];

  @Field(() => ID, { nullable: true, description: 'The reseller a staff user acted for, or the reseller user’s own.' })
  onBehalfOfResellerId: string | null;

  @Field()
  operation: string;

  @Field()
  entityType: string;

  @Field()
  entityId: string;

  @Field(() => String, {
    nullable: true,
    description: 'What people call the entity: a company, an SO or case number, a user’s name.',
  })
  entityName?: string | null;

  @Field(() => [FieldChange])
  changes: FieldChange[];

  @Field(() => String, { nullable: true })
  requestId: string | null;

  static of(this: void, e: AuditEntryEntity): AuditEntry {
    const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
    return Object.assign(new AuditEntry(), {
      ...e,
      actorRoles: e.actorRoles ? e.actorRoles.split(',') : [],
      changes: Object.entries(JSON.parse(e.changes) as FieldChanges).map(([field, c]) =>
        Object.assign(new FieldChange(), { field, before: json(c.before), after: json(c.after) }),
      ),
    });
  }
}

@ObjectType()
export class AuditEntryConnection {
  @Field(() => [AuditEntry])
  nodes: AuditEntry[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType()
export class AuditFilterInput {
  @Field(() => ID, { nullable: true })
  actorUserId?: string | null;

  @Field(() => ShortText, { nullable: true })
  entityType?: string | null;

  @Field(() => ShortText, { nullable: true })
  entityId?: string | null;

  @Field(() => ShortText, { nullable: true })
  operation?: string | null;

  @Field(() => ShortText, { nullable: true, description: 'Part of the actor’s name or email.' })
  actor?: string | null;

  @Field(() => ShortText, {
    nullable: true,
    description: 'Part of the entity’s name (company, SO number, case number, user name) or its whole id.',
  })
  entity?: string | null;

  @Field(() => Code, { nullable: true, description: 'ISO instant, inclusive.' })
  from?: string | null;

  @Field(() => Code, { nullable: true, description: 'ISO instant, exclusive.' })
  to?: string | null;
}
