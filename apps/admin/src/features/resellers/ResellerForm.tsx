import { Alert, Button, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { AddressFields, EMPTY_ADDRESS, toAddressInput, type AddressValues } from '../../components/AddressFields';

export interface ResellerValues {
  companyName: string;
  marketplaceId: string;
  bcn: string;
  address: AddressValues;
  contact: { name: string; email: string; phone: string };
}

export const EMPTY_RESELLER: ResellerValues = {
  companyName: '',
  marketplaceId: '',
  bcn: '',
  address: EMPTY_ADDRESS,
  contact: { name: '', email: '', phone: '' },
};

/** Company, account numbers, address (R7: suite optional) and point of contact; errors at their fields. */
export function ResellerForm(props: {
  initial: ResellerValues;
  submitLabel: string;
  submitting: boolean;
  fieldErrors: Record<string, string>;
  formError: string | null;
  onSubmit: (values: ResellerValues) => void;
}) {
  const [v, setV] = useState(props.initial);
  const e = props.fieldErrors;
  const contact = (key: keyof ResellerValues['contact'], label: string) => (
    <TextInput
      label={label}
      value={v.contact[key]}
      onChange={(ev) => setV({ ...v, contact: { ...v.contact, [key]: ev.currentTarget.value } })}
      error={e[`contact.${key}`]}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(v);
  };
  return (
    <Stack component="form" onSubmit={submit}>
      {props.formError && (
        <Alert color="red" role="alert">
          {props.formError}
        </Alert>
      )}
      <TextInput
        label="Company name"
        value={v.companyName}
        onChange={(ev) => setV({ ...v, companyName: ev.currentTarget.value })}
        error={e.companyName}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label="Marketplace ID"
          placeholder="MP-100042"
          value={v.marketplaceId}
          onChange={(ev) => setV({ ...v, marketplaceId: ev.currentTarget.value })}
          error={e.marketplaceId}
        />
        <TextInput
          label="BCN"
          placeholder="20-100042"
          value={v.bcn}
          onChange={(ev) => setV({ ...v, bcn: ev.currentTarget.value })}
          error={e.bcn}
        />
      </SimpleGrid>
      <Title order={6}>Address</Title>
      <AddressFields value={v.address} onChange={(address) => setV({ ...v, address })} errors={e} />
      <Title order={6}>Point of contact</Title>
      <SimpleGrid cols={3}>
        {contact('name', 'Contact name')}
        {contact('email', 'Contact email')}
        {contact('phone', 'Contact phone')}
      </SimpleGrid>
      <Group justify="flex-end">
        <Button type="submit" loading={props.submitting}>
          {props.submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}

export const toResellerInput = (v: ResellerValues) => ({ ...v, address: toAddressInput(v.address) });
