import type { PrePurchaseCheck as DomainCheck } from '@nce/domain';
import { Fix, FixKind } from '../platform/business-error.js';
import { NotFound, ValidationFailed, VersionConflict } from '../platform/common.types.js';
import type { ResellerEntity } from './reseller.entity.js';
import type { ResellerError } from './reseller.service.js';
import { CheckStatusEnum, PrePurchaseCheck, Reseller, ResellerSaved } from './reseller.types.js';

export const toCheck = (check: DomainCheck): PrePurchaseCheck =>
  Object.assign(new PrePurchaseCheck(), {
    ...check,
    status: check.status as CheckStatusEnum,
    fix: check.fix ? Object.assign(new Fix(), { ...check.fix, kind: check.fix.kind as FixKind }) : null,
  });

export const toReseller = (r: ResellerEntity): Reseller =>
  Object.assign(new Reseller(), {
    ...r,
    address: { line1: r.addressLine1, line2: r.addressLine2, city: r.city, region: r.region, postalCode: r.postalCode, country: r.country },
    contact: { name: r.contactName, email: r.contactEmail, phone: r.contactPhone },
    checks: r.checks ? (JSON.parse(r.checks) as DomainCheck[]).map(toCheck) : [],
  });

export function toSaveResult(result: { ok: true; reseller: ResellerEntity } | { ok: false; error: ResellerError }) {
  if (result.ok) return Object.assign(new ResellerSaved(), { reseller: toReseller(result.reseller) });
  switch (result.error.code) {
    case 'VALIDATION_FAILED':
      return ValidationFailed.of(result.error.fields);
    case 'VERSION_CONFLICT':
      return VersionConflict.of('reseller', result.error.currentVersion);
    default:
      return Object.assign(NotFound.of('reseller', ''), { message: result.error.message });
  }
}
