import { Alert, Button, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { loginFromContact, SEGMENT_LABELS, suggestLogin, type CustomerSegment } from '@nce/domain';
import { useState, type FormEvent, type ReactNode } from 'react';
import { AddressFields, EMPTY_ADDRESS, toAddressInput, type AddressValues } from '../../components/AddressFields';

export interface CustomerValues {
  segment: CustomerSegment;
  companyName: string;
  address: AddressValues;
  adminContact: { name: string; email: string; phone: string };
  portalLogin: string;
  vendorContractId: string;
}

export const EMPTY_CUSTOMER: CustomerValues = {
  segment: 'COMMERCIAL',
  companyName: '',
  address: EMPTY_ADDRESS,
  adminContact: { name: '', email: '', phone: '' },
  portalLogin: '',
  vendorContractId: '',
};

/** R5–R8: segment, account information, administrative contact and the customer-portal login. */
export function CustomerForm(props: {
  initial: CustomerValues;
  before?: ReactNode;
  submitLabel: string;
  submitting: boolean;
  fieldErrors: Record<string, string>;
  formError: string | null;
  onSubmit: (v: CustomerValues) => void;
}) {
  const [v, setV] = useState(props.initial);
  const [loginTouched, setLoginTouched] = useState(props.initial.portalLogin !== '');
  const e = props.fieldErrors;
  const contact = (key: keyof CustomerValues['adminContact'], label: string) => (
    <TextInput
      label={label}
      value={v.adminContact[key]}
      onChange={(ev) => {
        const adminContact = { ...v.adminContact, [key]: ev.currentTarget.value };
        // R8: the login is prefilled from the administrative contact until someone edits it.
        setV({
          ...v,
          adminContact,
          portalLogin: !loginTouched && key === 'email' ? loginFromContact(adminContact.email) : v.portalLogin,
        });
      }}
      error={e[`adminContact.${key}`]}
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
      {props.before}
      <div>
        <Text size="sm" fw={500} mb={4}>
          End-customer segment
        </Text>
        <SegmentedControl
          aria-label="Segment"
          value={v.segment}
          onChange={(segment) => setV({ ...v, segment: segment as CustomerSegment })}
          data={(['COMMERCIAL', 'EDUCATION', 'NONPROFIT', 'GOVERNMENT'] as const).map((s) => ({
            value: s,
            label: SEGMENT_LABELS[s],
          }))}
        />
      </div>
      <TextInput
        label="Company name"
        value={v.companyName}
        onChange={(ev) => setV({ ...v, companyName: ev.currentTarget.value })}
        error={e.companyName}
      />
      <Title order={6}>Address</Title>
      <Text size="xs" c="dimmed">
        Microsoft validates the address; suite or floor are not needed.
      </Text>
      <AddressFields value={v.address} onChange={(address) => setV({ ...v, address })} errors={e} />
      <Title order={6}>Administrative contact</Title>
      <Text size="xs" c="dimmed">
        The person who deploys and manages the licences; emailed with retrieval instructions once they are provisioned.
      </Text>
      <SimpleGrid cols={3}>
        {contact('name', 'Contact name')}
        {contact('email', 'Contact email')}
        {contact('phone', 'Contact phone')}
      </SimpleGrid>
      <Title order={6}>Customer access</Title>
      <Group align="flex-end">
        <TextInput
          label="Portal login"
          description="Unique across all customers; best named after the company"
          value={v.portalLogin}
          onChange={(ev) => {
            setLoginTouched(true);
            setV({ ...v, portalLogin: ev.currentTarget.value });
          }}
          error={e.portalLogin}
          w={320}
        />
        <Button
          variant="subtle"
          disabled={!v.companyName}
          onClick={() => {
            setLoginTouched(true);
            setV({ ...v, portalLogin: suggestLogin(v.companyName) });
          }}
        >
          Use “{v.companyName ? suggestLogin(v.companyName) : 'company name'}”
        </Button>
      </Group>
      <TextInput
        label="Vendor contract ID (optional, not required for Microsoft)"
        value={v.vendorContractId}
        onChange={(ev) => setV({ ...v, vendorContractId: ev.currentTarget.value })}
        error={e.vendorContractId}
      />
      <Group justify="flex-end">
        <Button type="submit" loading={props.submitting}>
          {props.submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}

export const toCustomerInput = (v: CustomerValues) => ({
  ...v,
  address: toAddressInput(v.address),
  vendorContractId: v.vendorContractId || null,
});
