import { Column, Entity, PrimaryColumn } from 'typeorm';

/** R1: the activation "order" a reseller's first sign-in places; not a purchase, it completes by itself. */
@Entity('reseller_activation')
export class ResellerActivationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'reseller_id', type: 'varchar', length: 36, unique: true })
  resellerId: string;

  @Column({ name: 'requested_by_user_id', type: 'varchar', length: 36, nullable: true })
  requestedByUserId: string | null;

  @Column({ name: 'requested_at', type: 'varchar', length: 30 })
  requestedAt: string;

  @Column({ name: 'completes_after', type: 'varchar', length: 30 })
  completesAfter: string;

  @Column({ name: 'completed_at', type: 'varchar', length: 30, nullable: true })
  completedAt: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: 'PENDING' | 'COMPLETED';
}
