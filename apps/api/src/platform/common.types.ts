import { fieldErrorsMessage, type FieldError as DomainFieldError } from '@nce/domain';
import { Field, ObjectType } from 'type-graphql';
import { BusinessError, Fix, FixKind } from './business-error.js';

@ObjectType({ description: 'One input field at fault.' })
export class FieldError {
  @Field()
  field: string;

  @Field()
  code: string;

  @Field()
  message: string;
}

@ObjectType({ implements: BusinessError, description: 'The input has fields at fault; nothing was changed.' })
export class ValidationFailed extends BusinessError {
  @Field(() => [FieldError])
  fields: FieldError[];

  static of(fields: DomainFieldError[], message = fieldErrorsMessage(fields)): ValidationFailed {
    const first = fields[0];
    return Object.assign(new ValidationFailed(), {
      code: 'VALIDATION_FAILED',
      message,
      fields: fields.map((f) => Object.assign(new FieldError(), f)),
      fix: first ? fixField(first.field, first.message) : null,
    });
  }
}

@ObjectType({ implements: BusinessError, description: 'Someone else changed the record since it was read; nothing was overwritten.' })
export class VersionConflict extends BusinessError {
  @Field({ description: 'The version now stored.' })
  currentVersion: number;

  static of(entity: string, currentVersion: number): VersionConflict {
    return Object.assign(new VersionConflict(), {
      code: 'VERSION_CONFLICT',
      message: `This ${entity} was changed by someone else while you edited it. Reload it, then apply your change again.`,
      currentVersion,
      fix: Object.assign(new Fix(), { kind: FixKind.ACTION, label: 'Reload and edit again' }),
    });
  }
}

@ObjectType({ implements: BusinessError })
export class NotFound extends BusinessError {
  static of(entity: string, id: string): NotFound {
    return Object.assign(new NotFound(), { code: 'NOT_FOUND', message: `No ${entity} with id ${id}.`, fix: null });
  }
}

/** A business error of any code, for results whose failures share one shape. */
@ObjectType({ implements: BusinessError })
export class OperationRefused extends BusinessError {
  static of(code: string, message: string, fix?: { kind: 'link' | 'field' | 'action'; label: string; href?: string; field?: string } | null): OperationRefused {
    return Object.assign(new OperationRefused(), {
      code,
      message,
      fix: fix ? Object.assign(new Fix(), { ...fix, kind: fix.kind as FixKind }) : null,
    });
  }
}

export const fixField = (field: string, label: string): Fix => Object.assign(new Fix(), { kind: FixKind.FIELD, field, label });
