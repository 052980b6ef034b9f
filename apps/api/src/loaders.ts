import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { App } from './app.js';
import { UserEntity } from './identity/user.entity.js';
import { ResellerActivationEntity } from './resellers/reseller-activation.entity.js';
import { EmailMessageEntity } from './mail/email-message.entity.js';
import { OrderEventEntity } from './orders/entities.js';
import { CustomerEntity } from './customers/customer.entity.js';
import { ResellerEntity } from './resellers/reseller.entity.js';
import { CustomerTenantEntity } from './tenants/customer-tenant.entity.js';

/** Per-request batching: a list page asks once for all its rows' related records, not once per row. */
export function createLoaders(app: App) {
  const read = () => app.db.read;
  return {
    activationByReseller: new DataLoader<string, ResellerActivationEntity | null>(async (ids) => {
      const rows = await read().findBy(ResellerActivationEntity, { resellerId: In([...ids]) });
      return ids.map((id) => rows.find((r) => r.resellerId === id) ?? null);
    }),
    usersByReseller: new DataLoader<string, UserEntity[]>(async (ids) => {
      const rows = await read().find(UserEntity, { where: { resellerId: In([...ids]) }, order: { displayName: 'ASC' } });
      return ids.map((id) => rows.filter((u) => u.resellerId === id));
    }),
    eventsByOrder: new DataLoader<string, OrderEventEntity[]>(async (ids) => {
      const rows = await read().find(OrderEventEntity, { where: { orderId: In([...ids]) }, order: { seq: 'ASC', at: 'ASC' } });
      return ids.map((id) => rows.filter((e) => e.orderId === id));
    }),
    emailsByOrder: new DataLoader<string, EmailMessageEntity[]>(async (ids) => {
      const rows = await read().find(EmailMessageEntity, { where: { relatedType: 'Order', relatedId: In([...ids]) }, order: { createdAt: 'DESC', id: 'DESC' } });
      return ids.map((id) => rows.filter((e) => e.relatedId === id));
    }),
    /** `Type:id` → the name people know an audited entity by. */
    auditEntityName: new DataLoader<string, string | null>(async (keys) => {
      const names = await app.audit.names.namesOf(keys.map((key) => ({ type: key.slice(0, key.indexOf(':')), id: key.slice(key.indexOf(':') + 1) })));
      return keys.map((key) => names.get(key) ?? null);
    }),
    resellerName: new DataLoader<string, string | null>(async (ids) => {
      const rows = await read().find(ResellerEntity, { select: { id: true, companyName: true }, where: { id: In([...ids]) } });
      return ids.map((id) => rows.find((r) => r.id === id)?.companyName ?? null);
    }),
    customerName: new DataLoader<string, string | null>(async (ids) => {
      const rows = await read().find(CustomerEntity, { select: { id: true, companyName: true }, where: { id: In([...ids]) } });
      return ids.map((id) => rows.find((c) => c.id === id)?.companyName ?? null);
    }),
    tenantByCustomer: new DataLoader<string, CustomerTenantEntity | null>(async (ids) => {
      const rows = await read().findBy(CustomerTenantEntity, { customerId: In([...ids]) });
      return ids.map((id) => rows.find((t) => t.customerId === id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
