import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { fromAddress, fromContact } from '../../components/AddressFields';
import { errorsByField } from '../../components/fieldErrors';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import { CreditPanel } from '../terms/CreditPanel';
import { ResellerInvoicesCard } from '../billing/ResellerInvoicesCard';
import { MarkupsCard } from '../price-books/MarkupsCard';
import { PriceBookPanel } from '../price-books/PriceBookPanel';
import { IdentifiersPanel } from './IdentifiersPanel';
import { ResellerActivity } from './ResellerActivity';
import { CREATE_RESELLER_USER, RESELLER, RESELLER_HISTORY, SET_RESELLER_STATUS, UPDATE_RESELLER } from './operations';
import { ResellerForm, toResellerInput, type ResellerValues } from './ResellerForm';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { AuditChanges } from '../../components/AuditChanges';
import { operationLabel } from '../../components/audit-text';
import { confirmAction } from '../../components/feedback';
import { dateTime } from '../../components/format';

export function ResellerPage() {
  const { resellerId = '' } = useParams();
  const { can, me } = useSession();
  const { data, loading, error, refetch } = useQuery(RESELLER, { variables: { id: resellerId } });
  const reseller = data?.reseller;
  // While activation runs, show its progress without a reload.
  const activating = reseller?.status === 'PENDING_ACTIVATION' && reseller.activation?.status === 'PENDING';
  useQuery(RESELLER, { variables: { id: resellerId }, pollInterval: 2000, skip: !activating });
  const history = useQuery(RESELLER_HISTORY, {
    variables: { entityId: resellerId },
    skip: !can(PERMISSIONS.auditRead),
  });
  const [editing, setEditing] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);
  const [addingUser, setAddingUser] = useState(false);
  const [newUser, setNewUser] = useState({ email: '', displayName: '' });
  const [userErrors, setUserErrors] = useState<Record<string, string>>({});
  const [resetLink, setResetLink] = useState<string | null>(null);
  const [update, updating] = useMutation(UPDATE_RESELLER);
  const [setStatus] = useMutation(SET_RESELLER_STATUS);
  const [createUser, creatingUser] = useMutation(CREATE_RESELLER_USER);
  const manage = can(PERMISSIONS.resellersManage);

  const refresh = () => Promise.all([refetch(), history.refetch()]);

  const save = async (values: ResellerValues) => {
    if (!reseller) return;
    setFieldErrors({});
    setFormError(null);
    const result = (
      await update({ variables: { id: reseller.id, version: reseller.version, input: toResellerInput(values) } })
    ).data?.updateReseller;
    if (result?.__typename === 'ResellerSaved') {
      setEditing(false);
      await refresh();
    } else if (result?.__typename === 'ValidationFailed') setFieldErrors(errorsByField(result.fields));
    else if (result && 'message' in result) setFormError(result.message);
  };

  const changeStatus = async (status: 'ACTIVE' | 'SUSPENDED') => {
    if (!reseller) return;
    if (
      status === 'SUSPENDED' &&
      !(await confirmAction({
        title: `Suspend ${reseller.companyName}?`,
        effect:
          'Its users can no longer buy until the account is reactivated. Orders already placed are provisioned as usual.',
        confirm: 'Suspend reseller',
      }))
    )
      return;
    const result = (await setStatus({ variables: { id: reseller.id, version: reseller.version, status } })).data
      ?.setResellerStatus;
    if (result?.__typename === 'ValidationFailed') setPageError(result.fields.map((f) => f.message).join(' '));
    else if (result && 'message' in result) setPageError(result.message);
    await refresh();
  };

  const addUser = async () => {
    setUserErrors({});
    const result = (await createUser({ variables: { resellerId, ...newUser } })).data?.createResellerUser;
    if (result?.__typename === 'UserCreated') {
      setResetLink(result.resetUrl);
      setAddingUser(false);
      setNewUser({ email: '', displayName: '' });
      await refresh();
    } else if (result?.__typename === 'ValidationFailed') setUserErrors(errorsByField(result.fields));
    else if (result && 'message' in result) setUserErrors({ [result.fix?.field ?? 'email']: result.message });
  };

  return (
    <Stack>
      <PageBreadcrumbs
        trail={[{ label: 'Resellers', to: '/resellers', permission: PERMISSIONS.resellersRead }]}
        current={reseller?.companyName}
      />
      <QueryState
        loading={loading}
        error={error}
        empty={!reseller}
        emptyText="No such reseller."
        onRetry={() => void refetch()}
      >
        {reseller && (
          <>
            <Group justify="space-between">
              <div>
                <Group gap="sm">
                  <Title order={1} size="h2">
                    {reseller.companyName}
                  </Title>
                  <StatusBadge value={reseller.status} />
                </Group>
                <Text c="dimmed">
                  {reseller.marketplaceId} · BCN {reseller.bcn}
                </Text>
              </div>
              {manage && (
                <Group>
                  <Button variant="light" onClick={() => setEditing(true)}>
                    Edit
                  </Button>
                  {reseller.status === 'SUSPENDED' ? (
                    <Button variant="light" color="green" onClick={() => void changeStatus('ACTIVE')}>
                      Reinstate
                    </Button>
                  ) : (
                    reseller.status === 'ACTIVE' && (
                      <Button variant="light" color="red" onClick={() => void changeStatus('SUSPENDED')}>
                        Suspend
                      </Button>
                    )
                  )}
                </Group>
              )}
            </Group>
            {pageError && (
              <Alert color="red" withCloseButton onClose={() => setPageError(null)}>
                {pageError}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Card withBorder>
                <Title order={5}>Address</Title>
                <Text size="sm">{reseller.address.line1}</Text>
                {reseller.address.line2 && <Text size="sm">{reseller.address.line2}</Text>}
                <Text size="sm">
                  {reseller.address.city} {reseller.address.region} {reseller.address.postalCode} ·{' '}
                  {reseller.address.country}
                </Text>
                <Title order={5} mt="sm">
                  Point of contact
                </Title>
                <Text size="sm">{reseller.contact.name}</Text>
                <Text size="sm">{reseller.contact.email}</Text>
                <Text size="sm">{reseller.contact.phone}</Text>
              </Card>
              <Card withBorder>
                <Title order={5}>Activation</Title>
                {!reseller.activation ? (
                  <Text size="sm" c="dimmed">
                    {reseller.status === 'PENDING_ACTIVATION'
                      ? 'Starts when the first reseller user signs in.'
                      : 'Active.'}
                  </Text>
                ) : (
                  <Stack gap={4} aria-label="Activation order">
                    <Group gap="xs">
                      <Text size="sm">Activation order</Text>
                      <StatusBadge value={reseller.activation.status} />
                    </Group>
                    <Text size="xs" c="dimmed">
                      Placed {dateTime(reseller.activation.requestedAt)} — not a purchase.
                    </Text>
                    <Text size="xs" c="dimmed">
                      {reseller.activation.completedAt
                        ? `Completed ${dateTime(reseller.activation.completedAt)}`
                        : `Completes by ${dateTime(reseller.activation.completesAfter)}`}
                    </Text>
                  </Stack>
                )}
              </Card>
              <Card withBorder>
                <Title order={5}>Payment</Title>
                <Text size="sm">
                  {reseller.paymentMethod === 'TERMS' ? 'Terms (approved credit line)' : 'Credit card (default)'}
                </Text>
                <Text size="xs" c="dimmed">
                  Terms need an approved terms request.
                </Text>
              </Card>
            </SimpleGrid>
            <IdentifiersPanel key={reseller.version} reseller={reseller} onChanged={refresh} />
            {(can(PERMISSIONS.creditLimitsRead) || can(PERMISSIONS.termsSubmit)) && <CreditPanel reseller={reseller} />}
            {(me?.resellerId === reseller.id || can(PERMISSIONS.ordersRead)) && (
              <MarkupsCard resellerId={reseller.id} manage={me?.resellerId === reseller.id} />
            )}
            {(can(PERMISSIONS.billingReconcile) || can(PERMISSIONS.supportCases) || me?.resellerId === reseller.id) && (
              <ResellerInvoicesCard resellerId={reseller.id} />
            )}
            {can(PERMISSIONS.pricingManage) && (
              <PriceBookPanel level="RESELLER" targetId={reseller.id} name={reseller.companyName} />
            )}
            <ResellerActivity resellerId={reseller.id} />
            <Card withBorder>
              <Group justify="space-between">
                <Title order={4}>Users</Title>
                {manage && (
                  <Button size="xs" variant="light" onClick={() => setAddingUser(true)}>
                    Add user
                  </Button>
                )}
              </Group>
              {resetLink && (
                <Alert
                  color="green"
                  mt="sm"
                  withCloseButton
                  onClose={() => setResetLink(null)}
                  title="One-time link to set the password (valid for an hour)"
                >
                  <Group gap="xs" wrap="nowrap">
                    <Code data-testid="reset-link" style={{ overflowWrap: 'anywhere' }}>
                      {resetLink}
                    </Code>
                    <CopyButton value={resetLink}>
                      {({ copied, copy }) => (
                        <Button size="xs" variant="light" onClick={copy}>
                          {copied ? 'Copied' : 'Copy'}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                </Alert>
              )}
              {reseller.users.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No users yet. Add one; the account activates after their first sign-in.
                </Text>
              ) : (
                <Table aria-label="Reseller users">
                  <Table.Tbody>
                    {reseller.users.map((u) => (
                      <Table.Tr key={u.id}>
                        <Table.Td>{u.displayName}</Table.Td>
                        <Table.Td>{u.email}</Table.Td>
                        <Table.Td>{u.active ? 'active' : 'disabled'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
            {can(PERMISSIONS.auditRead) && (
              <Card withBorder>
                <Title order={4}>History</Title>
                <Table aria-label="Reseller history">
                  <Table.Tbody>
                    {(history.data?.auditEntries.nodes ?? []).map((entry) => (
                      <Table.Tr key={entry.id}>
                        <Table.Td>
                          <Text size="xs">{dateTime(entry.at)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">{entry.actorEmail ?? entry.actorKind}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">{operationLabel(entry.operation)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <AuditChanges changes={entry.changes} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            )}
            <Modal opened={editing} onClose={() => setEditing(false)} title={`Edit ${reseller.companyName}`} size="lg">
              <ResellerForm
                initial={{
                  companyName: reseller.companyName,
                  marketplaceId: reseller.marketplaceId,
                  bcn: reseller.bcn,
                  address: fromAddress(reseller.address),
                  contact: fromContact(reseller.contact),
                }}
                submitLabel="Save changes"
                submitting={updating.loading}
                fieldErrors={fieldErrors}
                formError={formError}
                onSubmit={(v) => void save(v).catch((failure: Error) => setFormError(failure.message))}
              />
            </Modal>
            <Modal opened={addingUser} onClose={() => setAddingUser(false)} title="Add reseller user">
              <Stack>
                <TextInput
                  label="Email"
                  value={newUser.email}
                  onChange={(e) => setNewUser({ ...newUser, email: e.currentTarget.value })}
                  error={userErrors.email}
                />
                <TextInput
                  label="Name"
                  value={newUser.displayName}
                  onChange={(e) => setNewUser({ ...newUser, displayName: e.currentTarget.value })}
                  error={userErrors.displayName}
                />
                <Button
                  loading={creatingUser.loading}
                  onClick={() => void addUser().catch((failure: Error) => setUserErrors({ email: failure.message }))}
                >
                  Create user
                </Button>
              </Stack>
            </Modal>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
