import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { SEGMENT_LABELS } from '@nce/domain';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { fromAddress, fromContact } from '../../components/AddressFields';
import { errorsByField } from '../../components/fieldErrors';
import { QueryState } from '../../components/QueryState';
import { CustomerForm, toCustomerInput, type CustomerValues } from './CustomerForm';
import { CUSTOMER, REGENERATE_PORTAL_PASSWORD, REVEAL_PORTAL_PASSWORD, UPDATE_CUSTOMER } from './operations';
import { RevealSecret } from './RevealSecret';
import { PriceBookPanel } from '../price-books/PriceBookPanel';
import { TenantPanel } from './TenantPanel';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { confirmAction } from '../../components/feedback';

export function CustomerPage() {
  const { customerId = '' } = useParams();
  const { can } = useSession();
  const { data, loading, error, refetch } = useQuery(CUSTOMER, { variables: { id: customerId } });
  const [editing, setEditing] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [update, updating] = useMutation(UPDATE_CUSTOMER);
  const [regenerate] = useMutation(REGENERATE_PORTAL_PASSWORD);
  const [regenerated, setRegenerated] = useState(0);
  const customer = data?.customer;

  const save = async (values: CustomerValues) => {
    if (!customer) return;
    setFieldErrors({});
    setFormError(null);
    const result = (
      await update({ variables: { id: customer.id, version: customer.version, input: toCustomerInput(values) } })
    ).data?.updateCustomer;
    if (result?.__typename === 'CustomerSaved') {
      setEditing(false);
      await refetch();
    } else if (result?.__typename === 'ValidationFailed') setFieldErrors(errorsByField(result.fields));
    else if (result && 'message' in result) setFormError(result.message);
  };

  return (
    <Stack>
      <PageBreadcrumbs
        trail={[{ label: 'Customers', to: '/customers', permission: PERMISSIONS.customersRead }]}
        current={customer?.companyName}
      />
      <QueryState
        loading={loading}
        error={error}
        empty={!customer}
        emptyText="No such customer."
        onRetry={() => void refetch()}
      >
        {customer && (
          <>
            <Group justify="space-between">
              <div>
                <Title order={1} size="h2">
                  {customer.companyName}
                </Title>
                <Text c="dimmed">{SEGMENT_LABELS[customer.segment]} customer</Text>
              </div>
              {can(PERMISSIONS.customersManage) && (
                <Button variant="light" onClick={() => setEditing(true)}>
                  Edit
                </Button>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Card withBorder>
                <Title order={5}>Address</Title>
                <Text size="sm">{customer.address.line1}</Text>
                {customer.address.line2 && <Text size="sm">{customer.address.line2}</Text>}
                <Text size="sm">
                  {customer.address.city} {customer.address.region} {customer.address.postalCode} ·{' '}
                  {customer.address.country}
                </Text>
              </Card>
              <Card withBorder>
                <Title order={5}>Administrative contact</Title>
                <Text size="sm">{customer.adminContact.name}</Text>
                <Text size="sm">{customer.adminContact.email}</Text>
                <Text size="sm">{customer.adminContact.phone}</Text>
              </Card>
              <Card withBorder>
                <Title order={5}>Customer portal</Title>
                <Text size="sm">Login: {customer.portalLogin}</Text>
                {can(PERMISSIONS.secretsReveal) && (
                  <RevealSecret
                    key={regenerated}
                    label="Password"
                    customerId={customer.id}
                    mutation={REVEAL_PORTAL_PASSWORD}
                    field="revealPortalPassword"
                  />
                )}
                {can(PERMISSIONS.supportCases) && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="orange"
                    mt="xs"
                    w="fit-content"
                    onClick={() =>
                      void confirmAction({
                        title: 'Generate a new portal password?',
                        effect: `The current password for ${customer.portalLogin} stops working at once; the customer needs the new one to sign in.`,
                        confirm: 'Generate new password',
                      }).then(
                        async (yes) =>
                          yes &&
                          (await regenerate({ variables: { customerId: customer.id } }), setRegenerated((n) => n + 1)),
                      )
                    }
                  >
                    Regenerate password{regenerated > 0 ? ' (done)' : ''}
                  </Button>
                )}
              </Card>
            </SimpleGrid>
            <TenantPanel
              key={`${customer.tenant?.domain}-${customer.tenant?.attestedAt}-${customer.tenant?.state}`}
              customer={customer}
              choices={data?.tenantChoices ?? null}
              onChanged={refetch}
            />
            {can(PERMISSIONS.pricingManage) && (
              <PriceBookPanel level="CUSTOMER" targetId={customer.id} name={customer.companyName} />
            )}
            <Modal opened={editing} onClose={() => setEditing(false)} title={`Edit ${customer.companyName}`} size="lg">
              {formError && <Alert color="red">{formError}</Alert>}
              <CustomerForm
                initial={{
                  segment: customer.segment,
                  companyName: customer.companyName,
                  address: fromAddress(customer.address),
                  adminContact: fromContact(customer.adminContact),
                  portalLogin: customer.portalLogin,
                  vendorContractId: customer.vendorContractId ?? '',
                }}
                submitLabel="Save changes"
                submitting={updating.loading}
                fieldErrors={fieldErrors}
                formError={null}
                onSubmit={(v) => void save(v).catch((failure: Error) => setFormError(failure.message))}
              />
            </Modal>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
