import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A one-time password-reset token an admin created; only its SHA-256 is stored. */
@Entity('password_reset')
export class PasswordResetEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 30 })
  expiresAt: string;

  @Column({ name: 'used_at', type: 'varchar', length: 30, nullable: true })
  usedAt: string | null;
}
