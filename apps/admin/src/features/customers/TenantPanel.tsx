import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Checkbox, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { StatusBadge } from '../../components/StatusBadge';
import type { CustomerQuery } from '../../gql/graphql';
import { RevealSecret } from './RevealSecret';
import {
  CHOOSE_EXISTING_TENANT,
  CHOOSE_NEW_TENANT,
  CREATE_TENANT_NOW,
  REVEAL_TENANT_PASSWORD,
  SIGN_ATTESTATION,
} from './operations';
import { dateTime } from '../../components/format';

type Data = CustomerQuery;
type Refusal = { message: string; suggestions: string[]; fix?: { label: string; href?: string | null } | null };

/** R11–R15, R20–R22: where the licences go, why a choice is or is not allowed, and the attestation. */
export function TenantPanel({
  customer,
  choices,
  onChanged,
}: {
  customer: NonNullable<Data['customer']>;
  choices: Data['tenantChoices'];
  onChanged: () => Promise<unknown>;
}) {
  const { can } = useSession();
  const tenant = customer.tenant;
  const [choice, setChoice] = useState<'NEW' | 'EXISTING'>(
    tenant?.choice === 'EXISTING' || choices?.recommended === 'EXISTING' || choices?.createNew.allowed === false
      ? 'EXISTING'
      : 'NEW',
  );
  const [domain, setDomain] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [chooseNew, choosingNew] = useMutation(CHOOSE_NEW_TENANT);
  const [chooseExisting, choosingExisting] = useMutation(CHOOSE_EXISTING_TENANT);
  const [attest, attesting] = useMutation(SIGN_ATTESTATION);
  const [createNow, creatingNow] = useMutation(CREATE_TENANT_NOW);

  const submit = async (requested = domain) => {
    setRefusal(null);
    setFailure(null);
    try {
      const variables = { customerId: customer.id, domain: requested };
      const result =
        choice === 'NEW'
          ? (await chooseNew({ variables })).data?.chooseNewTenant
          : (await chooseExisting({ variables })).data?.chooseExistingTenant;
      if (result?.__typename === 'TenantRefused') setRefusal(result);
      else {
        setDomain('');
        await onChanged();
      }
    } catch (error) {
      setFailure((error as Error).message);
    }
  };

  const run = async (work: () => Promise<{ __typename?: string; message?: string } | null | undefined>) => {
    setFailure(null);
    try {
      const result = await work();
      if (result?.__typename === 'TenantRefused') setFailure(result.message ?? 'Refused.');
      await onChanged();
    } catch (error) {
      setFailure((error as Error).message);
    }
  };

  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>Microsoft tenant</Title>
        {choices && (
          <Text size="sm" aria-label="Tenant rule">
            {choices.explanation}
          </Text>
        )}
        {failure && <Alert color="red">{failure}</Alert>}
        {tenant && (
          <Group gap="xs" aria-label="Chosen tenant">
            <Text size="sm">{tenant.choice === 'NEW' ? 'New tenant' : 'Existing tenant'}:</Text>
            <Text size="sm" fw={600}>
              {tenant.domain}
            </Text>
            <StatusBadge value={tenant.state} />
          </Group>
        )}
        <Radio.Group
          value={choice}
          onChange={(v) => {
            setChoice(v as 'NEW' | 'EXISTING');
            setRefusal(null);
          }}
          label="Where do the licences go?"
        >
          <Stack gap={6} mt={6}>
            <Radio
              value="NEW"
              label="Create a new .onmicrosoft.com tenant (the customer has no Microsoft 365 product)"
            />
            {choice === 'NEW' && choices && !choices.createNew.allowed && (
              <Alert color="orange" role="alert" title="Not allowed for this customer">
                {choices.createNew.message}{' '}
                {choices.createNew.fix?.href && (
                  <Anchor href={choices.createNew.fix.href} target="_blank" rel="noreferrer">
                    {choices.createNew.fix.label}
                  </Anchor>
                )}
              </Alert>
            )}
            <Radio value="EXISTING" label="Use the customer’s existing tenant" />
          </Stack>
        </Radio.Group>
        <Group align="flex-end">
          <TextInput
            label={choice === 'NEW' ? 'New tenant domain' : 'Existing tenant domain'}
            placeholder={choice === 'NEW' ? 'contoso (letters and digits)' : 'contoso.onmicrosoft.com'}
            rightSection={
              choice === 'NEW' ? (
                <Text size="xs" c="dimmed">
                  .onmicrosoft.com
                </Text>
              ) : undefined
            }
            rightSectionWidth={choice === 'NEW' ? 120 : undefined}
            value={domain}
            onChange={(e) => setDomain(e.currentTarget.value)}
            w={420}
          />
          <Button
            onClick={() => void submit()}
            loading={choosingNew.loading || choosingExisting.loading}
            disabled={!domain}
          >
            {choice === 'NEW' ? 'Check and request' : 'Check and use'}
          </Button>
        </Group>
        {refusal && (
          <Alert color="red" role="alert" title="Refused">
            <Stack gap="xs">
              <Text size="sm">{refusal.message}</Text>
              {refusal.fix?.href && (
                <Anchor href={refusal.fix.href} target="_blank" rel="noreferrer" size="sm">
                  {refusal.fix.label}
                </Anchor>
              )}
              {refusal.suggestions.length > 0 && (
                <Group gap="xs" aria-label="Free alternatives">
                  <Text size="sm">Free:</Text>
                  {refusal.suggestions.map((s) => (
                    <Button key={s} size="xs" variant="light" onClick={() => void submit(s)}>
                      {s}
                    </Button>
                  ))}
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        {tenant && (
          <Card withBorder bg="gray.0">
            <Title order={6}>Partner-of-Record attestation</Title>
            {tenant.attestedAt ? (
              <Text size="sm" aria-label="Attestation">
                Signed by {tenant.attestedByEmail ?? 'the system'} on {dateTime(tenant.attestedAt)} for {tenant.domain}.
              </Text>
            ) : (
              <Stack gap="xs">
                <Checkbox
                  label={`I attest that we are the Partner of Record for ${customer.companyName} on ${tenant.domain}.`}
                  checked={agreed}
                  onChange={(e) => setAgreed(e.currentTarget.checked)}
                />
                <Button
                  w="fit-content"
                  disabled={!agreed}
                  loading={attesting.loading}
                  onClick={() =>
                    void run(
                      async () => (await attest({ variables: { customerId: customer.id } })).data?.signAttestation,
                    )
                  }
                >
                  Sign attestation
                </Button>
              </Stack>
            )}
          </Card>
        )}
        {tenant?.state === 'REQUESTED' && can(PERMISSIONS.resellersManage) && (
          <Group>
            <Text size="sm" c="dimmed">
              The tenant is created when the first order provisions, or now:
            </Text>
            <Button
              size="xs"
              variant="light"
              loading={creatingNow.loading}
              onClick={() =>
                void run(
                  async () => (await createNow({ variables: { customerId: customer.id } })).data?.createCustomerTenant,
                )
              }
            >
              Create tenant now
            </Button>
          </Group>
        )}
        {tenant?.state === 'CREATED' && tenant.adminUser && can(PERMISSIONS.secretsReveal) && (
          <RevealSecret
            label="Tenant admin user and temporary password"
            customerId={customer.id}
            mutation={REVEAL_TENANT_PASSWORD}
            field="revealTenantAdminPassword"
          />
        )}
      </Stack>
    </Card>
  );
}
