import { requireText, type FieldError } from './contact.js';

export interface Address {
  line1: string;
  /** Suite, floor and the like: never required (R7). */
  line2?: string | null;
  city: string;
  /** State, province or county; required where the country has them. */
  region?: string | null;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

interface CountryRule {
  postal: RegExp;
  example: string;
  /** Regions the country requires, by code; null when it has none to require. */
  regions: readonly string[] | null;
  normalisePostal?: (code: string) => string;
}

const US_STATES =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP'.split(
    ' ',
  );
const CA_PROVINCES = 'AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' ');
const AU_STATES = 'ACT NSW NT QLD SA TAS VIC WA'.split(' ');

/** R7: postal-code formats and required regions of the markets the marketplace sells in. */
export const COUNTRY_RULES: Record<string, CountryRule> = {
  US: { postal: /^\d{5}(-\d{4})?$/, example: '92612 or 92612-1234', regions: US_STATES },
  CA: {
    postal: /^[A-Z]\d[A-Z] \d[A-Z]\d$/,
    example: 'K1A 0B1',
    regions: CA_PROVINCES,
    normalisePostal: (c) => c.replace(/\s+/g, '').replace(/^(.{3})(.{3})$/, '$1 $2'),
  },
  AU: { postal: /^\d{4}$/, example: '2000', regions: AU_STATES },
  GB: {
    postal: /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/,
    example: 'SW1A 1AA',
    regions: null,
    normalisePostal: (c) => c.replace(/\s+/g, '').replace(/^(.+)(\d[A-Z]{2})$/, '$1 $2'),
  },
  DE: { postal: /^\d{5}$/, example: '10115', regions: null },
  FR: { postal: /^\d{5}$/, example: '75001', regions: null },
  NL: {
    postal: /^\d{4} [A-Z]{2}$/,
    example: '1012 AB',
    regions: null,
    normalisePostal: (c) => c.replace(/\s+/g, '').replace(/^(\d{4})([A-Z]{2})$/, '$1 $2'),
  },
  IE: {
    postal: /^[A-Z]\d[\dW] [A-Z\d]{4}$/,
    example: 'D02 X285',
    regions: null,
    normalisePostal: (c) => c.replace(/\s+/g, '').replace(/^(.{3})(.{4})$/, '$1 $2'),
  },
};

/**
 * R7: an address is validated and normalised by country — required parts, postal-code format, the
 * state or province where the country has them. Suite or floor are optional. Countries without a rule
 * here get the required parts checked only.
 */
export function validateAddress(
  input: Partial<Address> | null | undefined,
  prefix = 'address',
): { address: Address; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const country = requireText(errors, `${prefix}.country`, input?.country, 'Country', 60).toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country))
    errors.push({
      field: `${prefix}.country`,
      code: 'COUNTRY_FORMAT',
      message: 'Country is a two-letter code, e.g. US.',
    });
  const rule = COUNTRY_RULES[country];
  const address: Address = {
    line1: requireText(errors, `${prefix}.line1`, input?.line1, 'Street address'),
    line2: (input?.line2 ?? '').trim() || null,
    city: requireText(errors, `${prefix}.city`, input?.city, 'City', 100),
    region: (input?.region ?? '').trim().toUpperCase() || null,
    postalCode: requireText(errors, `${prefix}.postalCode`, input?.postalCode, 'Postal code', 20).toUpperCase(),
    country,
  };
  if (rule) {
    if (address.postalCode) {
      address.postalCode = rule.normalisePostal ? rule.normalisePostal(address.postalCode) : address.postalCode;
      if (!rule.postal.test(address.postalCode)) {
        errors.push({
          field: `${prefix}.postalCode`,
          code: 'POSTAL_CODE_FORMAT',
          message: `"${input?.postalCode}" is not a ${country} postal code (e.g. ${rule.example}).`,
        });
      }
    }
    if (rule.regions) {
      if (!address.region)
        errors.push({
          field: `${prefix}.region`,
          code: 'REQUIRED',
          message: `A ${country} address needs its ${country === 'CA' ? 'province' : 'state'}.`,
        });
      else if (!rule.regions.includes(address.region)) {
        errors.push({
          field: `${prefix}.region`,
          code: 'REGION_UNKNOWN',
          message: `"${address.region}" is not a ${country} ${country === 'CA' ? 'province' : 'state'} code.`,
        });
      }
    }
  }
  return { address, errors };
}
