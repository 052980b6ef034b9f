import { SimpleGrid, TextInput } from '@mantine/core';

export interface AddressValues {
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export const EMPTY_ADDRESS: AddressValues = {
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: 'US',
};

/** R7: street, optional suite, city, state/province code, postal code and country; errors at `address.*`. */
export function AddressFields({
  value,
  onChange,
  errors,
}: {
  value: AddressValues;
  onChange: (next: AddressValues) => void;
  errors: Record<string, string>;
}) {
  const field = (key: keyof AddressValues, label: string, extra: { description?: string } = {}) => (
    <TextInput
      label={label}
      value={value[key]}
      onChange={(e) => onChange({ ...value, [key]: e.currentTarget.value })}
      error={errors[`address.${key}`]}
      {...extra}
    />
  );
  return (
    <>
      {field('line1', 'Street address')}
      {field('line2', 'Suite, floor (optional)')}
      <SimpleGrid cols={2}>
        {field('city', 'City')}
        {field('region', 'State / province', { description: 'Code, e.g. CA' })}
        {field('postalCode', 'Postal code')}
        {field('country', 'Country', { description: 'Two letters, e.g. US' })}
      </SimpleGrid>
    </>
  );
}

export const toAddressInput = (v: AddressValues) => ({ ...v, line2: v.line2 || null, region: v.region || null });

/** Form values from an address the API returned (only the fields: no __typename into an input). */
export const fromAddress = (a: {
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
}): AddressValues => ({
  line1: a.line1,
  line2: a.line2 ?? '',
  city: a.city,
  region: a.region ?? '',
  postalCode: a.postalCode,
  country: a.country,
});

export const fromContact = (c: { name: string; email: string; phone: string }) => ({
  name: c.name,
  email: c.email,
  phone: c.phone,
});
