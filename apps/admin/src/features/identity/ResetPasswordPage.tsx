import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { RESET_PASSWORD } from './operations';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<{ message: string; field?: string | null } | null>(null);
  const [done, setDone] = useState(false);
  const [reset, { loading }] = useMutation(RESET_PASSWORD);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) return setError({ message: 'The two passwords differ.', field: 'repeat' });
    setError(null);
    const result = await reset({ variables: { token, newPassword: password } }).then(
      ({ data }) => data?.resetPassword,
      (failure: Error) => setError({ message: failure.message }),
    );
    if (!result) return;
    if (result.__typename === 'PasswordChanged') setDone(true);
    else if ('message' in result) setError({ message: result.message, field: result.fix?.field });
  };

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={400} component="form" onSubmit={submit} aria-label="Password reset">
        <Stack>
          <Title order={3}>Set a new password</Title>
          {done ? (
            <Alert color="green" role="status">
              Your password is set.{' '}
              <Anchor component={Link} to="/sign-in">
                Sign in
              </Anchor>
            </Alert>
          ) : !token ? (
            <Alert color="red" role="alert">
              This page needs the reset link an administrator gave you.
            </Alert>
          ) : (
            <>
              {error && !error.field && (
                <Alert color="red" role="alert">
                  {error.message}
                </Alert>
              )}
              <Text size="sm" c="dimmed">
                12 characters or more; a passphrase is best.
              </Text>
              <PasswordInput
                label="New password"
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={error?.field === 'newPassword' ? error.message : undefined}
              />
              <PasswordInput
                label="Repeat it"
                autoComplete="new-password"
                required
                value={repeat}
                onChange={(e) => setRepeat(e.currentTarget.value)}
                error={error?.field === 'repeat' ? error.message : undefined}
              />
              <Button type="submit" loading={loading}>
                Set password
              </Button>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
