import { AddressColumns, ContactColumns } from '../platform/address.columns.js';
import type { CustomerSegment } from '@nce/domain';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

/** A reseller's end customer, who receives the licences in a Microsoft tenant (R5–R8). */
@Entity('customer')
@Index('ix_customer_reseller_name', ['resellerId', 'companyName', 'id'])
export class CustomerEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'reseller_id', type: 'varchar', length: 36 })
  resellerId: string;

  @Column({ type: 'varchar', length: 16 })
  segment: CustomerSegment;

  @Column({ name: 'company_name', type: 'varchar', length: 200 })
  companyName: string;

  @Column(() => AddressColumns, { prefix: false })
  address: AddressColumns;

  @Column(() => ContactColumns, { prefix: 'admin' })
  adminContact: ContactColumns;

  @Column({ name: 'vendor_contract_id', type: 'varchar', length: 60, nullable: true })
  vendorContractId: string | null;

  @Column({ name: 'portal_login', type: 'varchar', length: 64 })
  portalLogin: string;

  /** Lower-cased login: unique across all customers (R8). */
  @Column({ name: 'portal_login_key', type: 'varchar', length: 64, unique: true })
  portalLoginKey: string;

  /** Encrypted (SecretBox), not hashed: it must be viewable later (R8). */
  @Column({ name: 'portal_password', type: 'text' })
  portalPassword: string;

  @Column({ name: 'search_text', type: 'text' })
  searchText: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;

  @VersionColumn()
  version: number;
}
