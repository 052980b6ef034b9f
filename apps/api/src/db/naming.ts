import { DefaultNamingStrategy } from 'typeorm';

/**
 * TypeORM's names, except that an embedded entity's columns under a prefix are `<prefix>_<name>`
 * (contact_email), as the tables spell them, rather than camel-cased (contactEmail).
 */
export class EmbeddedSnakeNaming extends DefaultNamingStrategy {
  override columnName(propertyName: string, customName: string | undefined, embeddedPrefixes: string[]): string {
    const name = customName || propertyName;
    return embeddedPrefixes.length ? `${embeddedPrefixes.join('_')}_${name}` : name;
  }
}
