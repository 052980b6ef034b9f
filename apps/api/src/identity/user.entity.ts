import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

export type UserKind = 'STAFF' | 'RESELLER';

/** A person who signs in: a distributor staff member (with roles) or a reseller's user. */
@Entity('app_user')
@Index('ix_app_user_kind_name', ['kind', 'displayName', 'id'])
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** Lower-cased email: sign-in and uniqueness compare on it. */
  @Column({ name: 'email_key', type: 'varchar', length: 254, unique: true })
  emailKey: string;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'varchar', length: 10 })
  kind: UserKind;

  /** Staff roles, comma-separated (admin, staff, credit, support); empty for reseller users. */
  @Column({ type: 'varchar', length: 100 })
  roles: string;

  @Column({ name: 'reseller_id', type: 'varchar', length: 36, nullable: true })
  resellerId: string | null;

  /** argon2id (OWASP parameters); never leaves the server. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;

  @Column({ name: 'password_changed_at', type: 'varchar', length: 30 })
  passwordChangedAt: string;

  @VersionColumn()
  version: number;
}
