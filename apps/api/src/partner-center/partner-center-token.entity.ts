import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The refresh token of the secure application model, rotated by Microsoft on every exchange. */
@Entity('partner_center_token')
export class PartnerCenterTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  id: string;

  /** Encrypted with the secrets key. */
  @Column({ type: 'text' })
  token: string;

  /** SHA-256 of the configured refresh token this one descends from: a new consent in the settings replaces it. */
  @Column({ name: 'seeded_from', type: 'varchar', length: 64 })
  seededFrom: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;
}
