import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

export type ResellerStatus = 'PENDING_ACTIVATION' | 'ACTIVE' | 'SUSPENDED';

/** A CSP indirect reseller company buying through the marketplace (R1). */
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

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;

  @VersionColumn()
  version: number;
}
