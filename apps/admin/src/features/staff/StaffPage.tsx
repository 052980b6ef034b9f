import { useMutation, useQuery } from '@apollo/client/react';
import { SignInLocksCard } from './SignInLocksCard';
import { Badge, Button, Code, CopyButton, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import type { StaffUsersQuery } from '../../gql/graphql';
import { CREATE_PASSWORD_RESET, CREATE_STAFF_USER, STAFF_USERS, UPDATE_STAFF_USER } from './operations';
import { useListParams, useTypedFilter } from '../../components/list-params';
import { SortHeader } from '../../components/SortHeader';
import type { SortDirection, UserSort } from '../../gql/graphql';
import { StaffUserForm, type StaffUserValues } from './StaffUserForm';
import { timeOnly } from '../../components/format';

type StaffUser = StaffUsersQuery['staffUsers']['nodes'][number];
type Editing = { mode: 'new' } | { mode: 'edit'; user: StaffUser } | null;

const errorsByField = (fields: { field: string; message: string }[] = []) =>
  Object.fromEntries(fields.map((f) => [f.field, f.message]));

export function StaffPage() {
  const list = useListParams<UserSort>({ sort: 'NAME', direction: 'ASC' });
  const [search, setSearch] = useTypedFilter(list, 'q');
  const { data, loading, error, fetchMore, refetch } = useQuery(STAFF_USERS, {
    variables: {
      search: list.get('q') || null,
      sortBy: list.sort,
      direction: list.direction as SortDirection,
      first: list.first,
    },
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [link, setLink] = useState<{ title: string; url: string } | null>(null);
  const [createUser, creating] = useMutation(CREATE_STAFF_USER);
  const [updateUser, updating] = useMutation(UPDATE_STAFF_USER);
  const [createReset] = useMutation(CREATE_PASSWORD_RESET);
  const users = data?.staffUsers.nodes ?? [];

  const open = (next: Editing) => {
    setFieldErrors({});
    setFormError(null);
    setEditing(next);
  };

  const save = (values: StaffUserValues) =>
    saveOrExplain(values).catch((failure: Error) => setFormError(failure.message));

  const saveOrExplain = async (values: StaffUserValues) => {
    setFieldErrors({});
    setFormError(null);
    if (editing?.mode === 'new') {
      const result = (
        await createUser({
          variables: { input: { email: values.email, displayName: values.displayName, roles: values.roles } },
        })
      ).data?.createStaffUser;
      if (result?.__typename === 'UserCreated') {
        setEditing(null);
        setLink({
          title: `Account created for ${result.user.email}. Send them this one-time link to set a password (valid for an hour):`,
          url: result.resetUrl,
        });
        await refetch();
      } else if (result?.__typename === 'ValidationFailed') setFieldErrors(errorsByField(result.fields));
      else if (result && 'message' in result) {
        if (result.fix?.field) setFieldErrors({ [result.fix.field]: result.message });
        else setFormError(result.message);
      }
    } else if (editing?.mode === 'edit') {
      const { user } = editing;
      const result = (
        await updateUser({
          variables: {
            input: {
              id: user.id,
              version: user.version,
              displayName: values.displayName,
              roles: values.roles,
              active: values.active,
            },
          },
        })
      ).data?.updateStaffUser;
      if (result?.__typename === 'StaffUserUpdated') {
        setEditing(null);
        await refetch();
      } else if (result?.__typename === 'ValidationFailed') setFieldErrors(errorsByField(result.fields));
      else if (result && 'message' in result) setFormError(result.message);
    }
  };

  const resetLink = async (user: StaffUser) => {
    const result = (await createReset({ variables: { userId: user.id } })).data?.createPasswordReset;
    if (result?.__typename === 'PasswordResetCreated')
      setLink({
        title: `One-time reset link for ${user.email} (valid until ${timeOnly(result.expiresAt)}):`,
        url: result.resetUrl,
      });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Staff
        </Title>
        <Button onClick={() => open({ mode: 'new' })}>New staff user</Button>
      </Group>
      {link && (
        // In a dialog, not above the list: the list does not move under the pointer when a link appears.
        <Modal opened onClose={() => setLink(null)} title="Password link">
          <Stack gap="xs">
            <Text size="sm">{link.title}</Text>
            <Group gap="xs" wrap="nowrap">
              <Code style={{ overflowWrap: 'anywhere' }} data-testid="reset-link">
                {link.url}
              </Code>
              <CopyButton value={link.url}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Modal>
      )}
      <TextInput
        label="Search"
        placeholder="Name or email"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={300}
      />
      <QueryState
        loading={loading}
        error={error}
        empty={users.length === 0}
        emptyText="No staff user matches."
        onRetry={() => void refetch()}
      >
        <Table striped aria-label="Staff users">
          <Table.Thead>
            <Table.Tr>
              <SortHeader label="Name" column="NAME" list={list} />
              <SortHeader label="Email" column="EMAIL" list={list} />
              <Table.Th>Roles</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>{user.displayName}</Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.roles.map((role) => (
                      <Badge key={role} variant="light">
                        {role}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {user.active ? (
                    <Badge color="green" variant="light">
                      active
                    </Badge>
                  ) : (
                    <Badge color="gray">disabled</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button size="xs" variant="subtle" onClick={() => open({ mode: 'edit', user })}>
                      Edit
                    </Button>
                    <Button size="xs" variant="subtle" onClick={() => void resetLink(user)}>
                      Reset link
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ShowMore
          shown={users.length}
          noun="user"
          hasMore={data?.staffUsers.pageInfo.hasNextPage ?? false}
          loadMore={() => list.showMore(fetchMore, data?.staffUsers.pageInfo.endCursor, users.length)}
        />
      </QueryState>
      <SignInLocksCard />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? `Edit ${editing.user.displayName}` : 'New staff user'}
      >
        {editing && (
          <StaffUserForm
            existing={editing.mode === 'edit'}
            initial={
              editing.mode === 'edit'
                ? {
                    email: editing.user.email,
                    displayName: editing.user.displayName,
                    roles: editing.user.roles,
                    active: editing.user.active,
                  }
                : { email: '', displayName: '', roles: [], active: true }
            }
            submitting={creating.loading || updating.loading}
            fieldErrors={fieldErrors}
            formError={formError}
            onSubmit={(values) => void save(values)}
          />
        )}
      </Modal>
    </Stack>
  );
}
