import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A failed sign-in, counted per account and per address to slow down guessing. */
@Entity('sign_in_failure')
@Index('ix_sign_in_failure_email', ['emailKey', 'at'])
@Index('ix_sign_in_failure_ip', ['ip', 'at'])
export class SignInFailureEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'email_key', type: 'varchar', length: 254 })
  emailKey: string;

  @Column({ type: 'varchar', length: 64 })
  ip: string;

  @Column({ type: 'varchar', length: 30 })
  at: string;
}
