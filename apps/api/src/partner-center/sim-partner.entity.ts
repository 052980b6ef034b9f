import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A partner as the simulated Partner Center knows it: its MPN ID, kind, CSP enrolment and relationship. */
@Entity('sim_partner')
export class SimPartnerEntity {
  @PrimaryColumn({ name: 'mpn_id', type: 'varchar', length: 10 })
  mpnId: string;

  @Column({ name: 'company_name', type: 'varchar', length: 200 })
  companyName: string;

  @Column({ type: 'varchar', length: 10 })
  kind: 'LOCATION' | 'GLOBAL';

  @Column({ name: 'csp_indirect_reseller', type: 'boolean', default: true })
  cspIndirectReseller: boolean;

  @Column({ name: 'relationship_with_distributor', type: 'boolean', default: true })
  relationshipWithDistributor: boolean;

  @Column({ name: 'tenant_domain', type: 'varchar', length: 120, nullable: true })
  tenantDomain: string | null;
}
