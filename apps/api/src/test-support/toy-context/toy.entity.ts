import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('toy')
export class ToyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'boolean', default: false })
  painted: boolean;
}
