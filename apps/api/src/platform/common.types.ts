import { fieldErrorsMessage, type FieldError as DomainFieldError } from '@nce/domain';
import { Field, ObjectType } from 'type-graphql';
import { BusinessError, Fix, FixKind } from './business-error.js';
import { detailsOf, type Failure, type FixSpec } from './result.js';

export const toFix = (fix: FixSpec | null | undefined): Fix | null =>
  fix ? Object.assign(new Fix(), { ...fix, kind: fix.kind as FixKind }) : null;

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

  static from(failure: Failure): ValidationFailed {
    return ValidationFailed.of([...(failure.fields ?? [])], failure.message || undefined);
  }
}

@ObjectType({
  implements: BusinessError,
  description: 'Someone else changed the record since it was read; nothing was overwritten.',
})
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

  static from(failure: Failure): VersionConflict {
    return Object.assign(new VersionConflict(), {
      code: failure.code,
      message: failure.message,
      fix: toFix(failure.fix),
      currentVersion: detailsOf<{ currentVersion: number }>(failure).currentVersion ?? 0,
    });
  }
}

@ObjectType({ implements: BusinessError })
export class NotFound extends BusinessError {
  static of(entity: string, id: string): NotFound {
    return Object.assign(new NotFound(), { code: 'NOT_FOUND', message: `No ${entity} with id ${id}.`, fix: null });
  }

  static from(failure: Failure): NotFound {
    return Object.assign(new NotFound(), { code: failure.code, message: failure.message, fix: toFix(failure.fix) });
  }
}

/** A business error of any code, for results whose failures share one shape. */
@ObjectType({ implements: BusinessError })
export class OperationRefused extends BusinessError {
  static of(code: string, message: string, fix?: FixSpec | null): OperationRefused {
    return Object.assign(new OperationRefused(), {
      code,
      message,
      fix: toFix(fix),
    });
  }

  static from(failure: Failure): OperationRefused {
    return OperationRefused.of(failure.code, failure.message, failure.fix);
  }
}

export const fixField = (field: string, label: string): Fix =>
  Object.assign(new Fix(), { kind: FixKind.FIELD, field, label });
