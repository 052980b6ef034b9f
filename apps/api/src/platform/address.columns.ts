import { Column } from 'typeorm';

/**
 * A postal address as stored: one embedded entity for customers, resellers and terms requests
 * (`@Column(() => AddressColumns, { prefix: false })`), the same columns in each table.
 */
export class AddressColumns {
  @Column({ name: 'address_line1', type: 'varchar', length: 200 })
  line1: string;

  @Column({ name: 'address_line2', type: 'varchar', length: 200, nullable: true })
  line2: string | null;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  region: string | null;

  @Column({ name: 'postal_code', type: 'varchar', length: 20 })
  postalCode: string;

  @Column({ type: 'varchar', length: 2 })
  country: string;

  /** The columns of a validated address (optional parts stored as null). */
  static of(address: {
    line1: string;
    line2?: string | null;
    city: string;
    region?: string | null;
    postalCode: string;
    country: string;
  }): AddressColumns {
    return {
      line1: address.line1,
      line2: address.line2 ?? null,
      city: address.city,
      region: address.region ?? null,
      postalCode: address.postalCode,
      country: address.country,
    };
  }

  /** One line, for an invoice's bill-to or an audit snapshot. */
  static text(a: AddressColumns): string {
    return [a.line1, a.line2, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ');
  }
}

/**
 * A person to contact, stored under a prefix: `@Column(() => ContactColumns, { prefix: 'contact' })` is
 * contact_name, contact_email and contact_phone (see EmbeddedSnakeNaming).
 */
export class ContactColumns {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 40 })
  phone: string;

  static of(contact: { name: string; email: string; phone: string }): ContactColumns {
    return { name: contact.name, email: contact.email, phone: contact.phone };
  }

  static text(c: ContactColumns): string {
    return `${c.name} <${c.email}> ${c.phone}`;
  }
}
