import { useMutation } from '@apollo/client/react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { SIGN_IN } from './operations';

/** Only same-site paths are followed after sign-in, never another origin. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { me, signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [signIn, { loading }] = useMutation(SIGN_IN);
  const next = safeNext(params.get('next'));

  if (me && !loading) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      const { data } = await signIn({ variables: { email, password } });
      const result = data?.signIn;
      if (result?.__typename === 'SignInFailed') {
        setFailure(result.message);
        return;
      }
      await signedIn();
      navigate(next, { replace: true });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Sign-in failed.');
    }
  };

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={380} component="form" onSubmit={submit} aria-label="Sign in">
        <Stack>
          <div>
            <Title order={3}>NCE Marketplace</Title>
            <Text c="dimmed" size="sm">
              Sign in to the back office
            </Text>
          </div>
          {params.get('reason') === 'SESSION_EXPIRED' && !failure && (
            <Alert color="yellow" role="status">
              Your session has expired; sign in again.
            </Alert>
          )}
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={loading}>
            Sign in
          </Button>
          <Text size="xs" c="dimmed">
            Forgot your password? Ask an administrator for a reset link.
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
