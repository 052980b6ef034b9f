import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { CustomerTenantEntity } from '../tenants/customer-tenant.entity.js';
import { EmailMessageEntity } from '../mail/email-message.entity.js';
import { CartEntity, CartLineEntity, OrderEventEntity, OrderLineEntity, SalesOrderEntity } from '../orders/entities.js';
import { CreditLedgerEntity, TermsRequestEntity, TermsRequestNoteEntity } from '../terms/entities.js';
import { CaseCommentEntity, CreditNoteEntity, SupportCaseEntity } from '../support/entities.js';
import { PriceListImportEntity } from '../catalog/price-list-import.entity.js';
import { PriceEntity } from '../catalog/price.entity.js';
import { ProductEntity } from '../catalog/product.entity.js';
import { SkuEntity } from '../catalog/sku.entity.js';
import { PasswordResetEntity } from '../identity/password-reset.entity.js';
import { SessionEntity } from '../identity/session.entity.js';
import { SignInFailureEntity } from '../identity/sign-in-failure.entity.js';
import { UserEntity } from '../identity/user.entity.js';
import { SimPartnerEntity } from '../partner-center/sim-partner.entity.js';
import { SimTenantEntity } from '../partner-center/sim-tenant.entity.js';
import { JobEntity } from '../platform/jobs/job.entity.js';
import { ResellerActivationEntity } from '../resellers/reseller-activation.entity.js';
import { ResellerEntity } from '../resellers/reseller.entity.js';

export const ENTITIES = [
  ProductEntity,
  SkuEntity,
  PriceEntity,
  PriceListImportEntity,
  ResellerEntity,
  UserEntity,
  SessionEntity,
  SignInFailureEntity,
  PasswordResetEntity,
  AuditEntryEntity,
  ResellerActivationEntity,
  JobEntity,
  SimPartnerEntity,
  SimTenantEntity,
  CustomerEntity,
  CustomerTenantEntity,
  CartEntity,
  CartLineEntity,
  SalesOrderEntity,
  OrderLineEntity,
  OrderEventEntity,
  EmailMessageEntity,
  TermsRequestEntity,
  TermsRequestNoteEntity,
  CreditLedgerEntity,
  SupportCaseEntity,
  CaseCommentEntity,
  CreditNoteEntity,
];
