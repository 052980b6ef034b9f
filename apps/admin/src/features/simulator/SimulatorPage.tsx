import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { errorsByField } from '../../components/fieldErrors';
import { QueryState } from '../../components/QueryState';
import type { SimulatorQuery } from '../../gql/graphql';
import { ACCEPT_RELATIONSHIP, SAVE_SIM_PARTNER, SAVE_SIM_TENANT, SIMULATOR } from './operations';

type Partner = SimulatorQuery['simPartners'][number];
type Tenant = SimulatorQuery['simTenants'][number];

const partnerInput = (p: Partner) => ({
  mpnId: p.mpnId,
  companyName: p.companyName,
  kind: p.kind,
  cspIndirectReseller: p.cspIndirectReseller,
  relationshipWithDistributor: p.relationshipWithDistributor,
  tenantDomain: p.tenantDomain,
});
const tenantInput = (t: Tenant) => ({
  domain: t.domain,
  companyName: t.companyName,
  government: t.government,
  relationshipAccepted: t.relationshipAccepted,
  provisioningFails: t.provisioningFails,
  subscriptionChanges: t.subscriptionChanges,
});

/** What the simulated Microsoft Partner Center answers; changing it here shows every case in a demo. */
export function SimulatorPage() {
  const { data, loading, error, refetch } = useQuery(SIMULATOR);
  const [savePartner] = useMutation(SAVE_SIM_PARTNER);
  const [saveTenant] = useMutation(SAVE_SIM_TENANT);
  const [accept] = useMutation(ACCEPT_RELATIONSHIP);
  const [newPartner, setNewPartner] = useState({
    mpnId: '',
    companyName: '',
    kind: 'LOCATION',
    cspIndirectReseller: true,
    relationshipWithDistributor: true,
    tenantDomain: '',
  });
  const [newTenant, setNewTenant] = useState({
    domain: '',
    companyName: '',
    government: false,
    relationshipAccepted: false,
  });
  const [invitedReseller, setInvitedReseller] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (work: () => Promise<{ fields?: { field: string; message: string }[] } | null | undefined>) => {
    setErrors({});
    setFailure(null);
    try {
      const result = await work();
      if (result?.fields) setErrors(errorsByField(result.fields));
      else await refetch();
      return !result?.fields;
    } catch (e) {
      setFailure((e as Error).message);
      return false;
    }
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        Partner Center simulator
      </Title>
      <Text c="dimmed" size="sm">
        The marketplace asks this simulator what Microsoft would answer. Change a partner or tenant here to make a check
        pass or fail.
      </Text>
      {failure && <Alert color="red">{failure}</Alert>}
      <QueryState loading={loading} error={error} empty={!data} emptyText="" onRetry={() => void refetch()}>
        <Card withBorder>
          <Title order={4}>Partners (MPN IDs)</Title>
          <Table aria-label="Simulated partners">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>MPN ID</Table.Th>
                <Table.Th>Company</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>CSP indirect reseller</Table.Th>
                <Table.Th>Relationship with distributor</Table.Th>
                <Table.Th>Tenant domain</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.simPartners.map((p) => (
                <Table.Tr key={p.mpnId}>
                  <Table.Td>{p.mpnId}</Table.Td>
                  <Table.Td>{p.companyName}</Table.Td>
                  <Table.Td>{p.kind}</Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`CSP enrolment of ${p.mpnId}`}
                      checked={p.cspIndirectReseller}
                      onChange={(e) =>
                        void run(
                          async () =>
                            (
                              await savePartner({
                                variables: {
                                  input: { ...partnerInput(p), cspIndirectReseller: e.currentTarget.checked },
                                },
                              })
                            ).data?.saveSimPartner as never,
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`Relationship of ${p.mpnId}`}
                      checked={p.relationshipWithDistributor}
                      onChange={(e) =>
                        void run(
                          async () =>
                            (
                              await savePartner({
                                variables: {
                                  input: { ...partnerInput(p), relationshipWithDistributor: e.currentTarget.checked },
                                },
                              })
                            ).data?.saveSimPartner as never,
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>{p.tenantDomain ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group align="flex-start" mt="sm">
            <TextInput
              label="MPN ID"
              value={newPartner.mpnId}
              onChange={(e) => setNewPartner({ ...newPartner, mpnId: e.currentTarget.value })}
              error={errors.mpnId}
              w={130}
            />
            <TextInput
              label="Company"
              value={newPartner.companyName}
              onChange={(e) => setNewPartner({ ...newPartner, companyName: e.currentTarget.value })}
              error={errors.companyName}
              w={200}
            />
            <Select
              label="Kind"
              data={['LOCATION', 'GLOBAL']}
              value={newPartner.kind}
              onChange={(kind) => setNewPartner({ ...newPartner, kind: kind ?? 'LOCATION' })}
              w={130}
            />
            <TextInput
              label="Tenant domain"
              placeholder="name.onmicrosoft.com"
              value={newPartner.tenantDomain}
              onChange={(e) => setNewPartner({ ...newPartner, tenantDomain: e.currentTarget.value })}
              error={errors.tenantDomain}
              w={240}
            />
            <Button
              mt={25}
              variant="light"
              onClick={() =>
                void run(
                  async () =>
                    (
                      await savePartner({
                        variables: { input: { ...newPartner, tenantDomain: newPartner.tenantDomain || null } },
                      })
                    ).data?.saveSimPartner as never,
                )
              }
            >
              Add partner
            </Button>
          </Group>
        </Card>
        <Card withBorder>
          <Title order={4}>Customer tenants</Title>
          <Text size="sm" c="dimmed">
            Universal authorisation link (R21):{' '}
            <Anchor href={data?.distributorLinks.customerAuthorisation} target="_blank" rel="noreferrer" size="sm">
              <Code>{data?.distributorLinks.customerAuthorisation.slice(0, 70)}…</Code>
            </Anchor>
          </Text>
          <TextInput
            label="Reseller the invitation names (MPN location ID)"
            description="A tenant's acceptance covers only the resellers its invitation named; leave empty for the distributor alone."
            value={invitedReseller}
            onChange={(e) => setInvitedReseller(e.currentTarget.value)}
            w={360}
          />
          <Table aria-label="Simulated tenants">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Domain</Table.Th>
                <Table.Th>Company</Table.Th>
                <Table.Th>Government</Table.Th>
                <Table.Th>Distributor authorised</Table.Th>
                <Table.Th>Resellers covered</Table.Th>
                <Table.Th>Provisioning fails</Table.Th>
                <Table.Th>Subscription changes</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.simTenants.map((t) => (
                <Table.Tr key={t.domain}>
                  <Table.Td>{t.domain}</Table.Td>
                  <Table.Td>{t.companyName}</Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`Government tenant ${t.domain}`}
                      checked={t.government}
                      onChange={(e) =>
                        void run(
                          async () =>
                            (
                              await saveTenant({
                                variables: { input: { ...tenantInput(t), government: e.currentTarget.checked } },
                              })
                            ).data?.saveSimTenant as never,
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>{t.relationshipAccepted ? 'yes' : 'no'}</Table.Td>
                  <Table.Td>{t.indirectResellers.length ? t.indirectResellers.join(', ') : '—'}</Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`Provisioning fails for ${t.domain}`}
                      checked={t.provisioningFails}
                      onChange={(e) =>
                        void run(
                          async () =>
                            (
                              await saveTenant({
                                variables: { input: { ...tenantInput(t), provisioningFails: e.currentTarget.checked } },
                              })
                            ).data?.saveSimTenant as never,
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Subscription changes for ${t.domain}`}
                      size="xs"
                      w={150}
                      data={[
                        { value: 'ACCEPT', label: 'Accepted' },
                        { value: 'REFUSE', label: 'Refused' },
                        { value: 'BUSY', label: 'Busy (409)' },
                        { value: 'NO_UPGRADES', label: 'No upgrades eligible' },
                      ]}
                      value={t.subscriptionChanges}
                      allowDeselect={false}
                      onChange={(value) =>
                        value &&
                        void run(
                          async () =>
                            (
                              await saveTenant({
                                variables: { input: { ...tenantInput(t), subscriptionChanges: value } },
                              })
                            ).data?.saveSimTenant as never,
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    {(!t.relationshipAccepted ||
                      (invitedReseller.trim() !== '' && !t.indirectResellers.includes(invitedReseller.trim()))) && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() =>
                          void run(
                            async () =>
                              void (await accept({
                                variables: { domain: t.domain, indirectReseller: invitedReseller.trim() || null },
                              })),
                          )
                        }
                      >
                        Accept authorisation link
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group align="flex-start" mt="sm">
            <TextInput
              label="Domain"
              placeholder="name.onmicrosoft.com"
              value={newTenant.domain}
              onChange={(e) => setNewTenant({ ...newTenant, domain: e.currentTarget.value })}
              error={errors.domain}
              w={260}
            />
            <TextInput
              label="Company"
              value={newTenant.companyName}
              onChange={(e) => setNewTenant({ ...newTenant, companyName: e.currentTarget.value })}
              error={errors.companyName}
              w={200}
            />
            <Switch
              label="Government"
              mt={32}
              checked={newTenant.government}
              onChange={(e) => setNewTenant({ ...newTenant, government: e.currentTarget.checked })}
            />
            <Button
              mt={25}
              variant="light"
              onClick={() =>
                void run(
                  async () => (await saveTenant({ variables: { input: newTenant } })).data?.saveSimTenant as never,
                )
              }
            >
              Add tenant
            </Button>
          </Group>
        </Card>
      </QueryState>
    </Stack>
  );
}
