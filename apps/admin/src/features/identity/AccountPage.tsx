import { NotificationSettings } from './NotificationSettings';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/session';
import { CHANGE_PASSWORD } from './operations';

export function AccountPage() {
  const { me } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<{ message: string; field?: string | null } | null>(null);
  const [changed, setChanged] = useState(false);
  const [change, { loading }] = useMutation(CHANGE_PASSWORD);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setChanged(false);
    const result = await change({ variables: { currentPassword: current, newPassword: next } }).then(
      ({ data }) => data?.changePassword,
      (failure: Error) => setError({ message: failure.message }),
    );
    if (!result) return;
    if (result.__typename === 'PasswordChanged') {
      setChanged(true);
      setCurrent('');
      setNext('');
    } else if ('message' in result) setError({ message: result.message, field: result.fix?.field });
  };

  return (
    <Stack maw={480}>
      <Title order={1} size="h2">
        Account
      </Title>
      <Text>
        {me?.displayName} · {me?.email}
      </Text>
      <Paper withBorder p="lg" component="form" onSubmit={submit} aria-label="Change password">
        <Stack>
          <Title order={4}>Change password</Title>
          {changed && (
            <Alert color="green" role="status">
              Password changed. Your other sessions have been signed out.
            </Alert>
          )}
          {error && !error.field && <Alert color="red">{error.message}</Alert>}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={error?.field === 'currentPassword' ? error.message : undefined}
          />
          <PasswordInput
            label="New password"
            description="12 characters or more"
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={error?.field === 'newPassword' ? error.message : undefined}
          />
          <Button type="submit" loading={loading} w="fit-content">
            Change password
          </Button>
        </Stack>
      </Paper>
      {me?.kind === 'RESELLER' && <NotificationSettings />}
    </Stack>
  );
}
