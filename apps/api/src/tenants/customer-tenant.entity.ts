import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

export type TenantChoice = 'NEW' | 'EXISTING';
/**
 * REQUESTED: a new tenant to be created at provisioning; CREATED: it exists; LINKED: an existing, authorised tenant.
 */
export type TenantState = 'REQUESTED' | 'CREATED' | 'LINKED';

// R11–R15: the tenant choice; R13: the attestation.
/** Where a customer's licences go, and the Partner-of-Record attestation. */
@Entity('customer_tenant')
export class CustomerTenantEntity {
  @PrimaryColumn({ name: 'customer_id', type: 'varchar', length: 36 })
  customerId: string;

  @Column({ type: 'varchar', length: 10 })
  choice: TenantChoice;

  @Column({ type: 'varchar', length: 120 })
  domain: string;

  /** Set for new tenants only: two customers cannot ask for the same new domain. */
  @Column({ name: 'new_domain_key', type: 'varchar', length: 120, nullable: true, unique: true })
  newDomainKey: string | null;

  @Column({ type: 'varchar', length: 16 })
  state: TenantState;

  @Column({ name: 'tenant_id', type: 'varchar', length: 36, nullable: true })
  tenantId: string | null;

  /** R22: the new tenant's admin user ID, shown in the customer portal view. */
  @Column({ name: 'admin_user', type: 'varchar', length: 160, nullable: true })
  adminUser: string | null;

  /** R22: its temporary password, encrypted; revealed only through an audited operation. */
  @Column({ name: 'admin_password', type: 'text', nullable: true })
  adminPassword: string | null;

  @Column({ name: 'attested_at', type: 'varchar', length: 30, nullable: true })
  attestedAt: string | null;

  @Column({ name: 'attested_by_user_id', type: 'varchar', length: 36, nullable: true })
  attestedByUserId: string | null;

  @Column({ name: 'attested_by_email', type: 'varchar', length: 254, nullable: true })
  attestedByEmail: string | null;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;

  @VersionColumn()
  version: number;
}
