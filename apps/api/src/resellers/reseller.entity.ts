import { AddressColumns, ContactColumns } from '../platform/address.columns.js';
import type { PaymentMethod, ResellerStatus } from '@nce/domain';
import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

export type { ResellerStatus };

/** A CSP indirect reseller company buying through the marketplace (R1, R2, R9). */
@Entity('reseller')
export class ResellerEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'company_name', type: 'varchar', length: 200 })
  companyName: string;

  /** The marketplace (reseller) ID. */
  @Column({ name: 'marketplace_id', type: 'varchar', length: 40, unique: true })
  marketplaceId: string;

  /** The distributor account number. */
  @Column({ type: 'varchar', length: 20, unique: true })
  bcn: string;

  @Column({ type: 'varchar', length: 20 })
  status: ResellerStatus;

  @Column(() => AddressColumns, { prefix: false })
  address: AddressColumns;

  @Column(() => ContactColumns, { prefix: 'contact' })
  contact: ContactColumns;

  /** R2: credit card by default; terms once the credit team approves a terms request. */
  @Column({ name: 'payment_method', type: 'varchar', length: 16, default: 'CREDIT_CARD' })
  paymentMethod: PaymentMethod;

  /** R9/R25: the MPN location ID, remembered once entered. */
  @Column({ name: 'mpn_location_id', type: 'varchar', length: 10, nullable: true })
  mpnLocationId: string | null;

  /** R9: the indirect reseller `.onmicrosoft.com` domain, remembered once entered. */
  @Column({ name: 'reseller_domain', type: 'varchar', length: 120, nullable: true })
  resellerDomain: string | null;

  /** R10: the four pre-purchase checks as last run (JSON). */
  @Column({ type: 'text', nullable: true })
  checks: string | null;

  @Column({ name: 'checks_at', type: 'varchar', length: 30, nullable: true })
  checksAt: string | null;

  /** Lower-cased company name, marketplace ID and BCN: what search matches. */
  @Column({ name: 'search_text', type: 'text', default: '' })
  searchText: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;

  @VersionColumn()
  version: number;
}
