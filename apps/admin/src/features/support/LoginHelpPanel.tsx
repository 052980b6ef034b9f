import { useLazyQuery, useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useOutcome } from '../../components/useOutcome';
import { Link } from 'react-router';
import { LOGIN_OWNER, SEND_RESET, UNLOCK } from './operations';

/** R24: password and sign-in help — reset links by email, unlocking, and finding who a portal login is. */
export function LoginHelpPanel() {
  const [email, setEmail] = useState('');
  const [login, setLogin] = useState('');
  const { message, run } = useOutcome();
  const [sendReset] = useMutation(SEND_RESET);
  const [unlock] = useMutation(UNLOCK);
  const [lookup, owner] = useLazyQuery(LOGIN_OWNER);
  return (
    <Card withBorder aria-label="Sign-in help">
      <Stack>
        <Title order={4}>Password and sign-in</Title>
        {message && <Alert color={message.color}>{message.text}</Alert>}
        <Group align="flex-end">
          <TextInput
            label="Reseller user email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            w={280}
          />
          <Button
            variant="light"
            disabled={!email}
            onClick={() =>
              void run(async () => {
                const r = (await sendReset({ variables: { email } })).data?.sendPasswordReset;
                if (r) throw new Error(r.message);
                return `A one-time reset link was emailed to ${email}.`;
              })
            }
          >
            Email reset link
          </Button>
          <Button
            variant="light"
            disabled={!email}
            onClick={() =>
              void run(async () => unlockedText(email, (await unlock({ variables: { email } })).data?.unlockSignIn))
            }
          >
            Unlock sign-in
          </Button>
        </Group>
        <Group align="flex-end">
          <TextInput
            label="Customer portal login"
            value={login}
            onChange={(e) => setLogin(e.currentTarget.value)}
            w={280}
          />
          <Button variant="light" disabled={!login} onClick={() => void lookup({ variables: { login } })}>
            Find owner
          </Button>
          {owner.data &&
            (owner.data.portalLoginOwner ? (
              <Anchor component={Link} to={`/customers/${owner.data.portalLoginOwner.customer.id}`}>
                {owner.data.portalLoginOwner.customer.companyName} ({owner.data.portalLoginOwner.reseller.companyName})
              </Anchor>
            ) : (
              'No customer has that login.'
            ))}
        </Group>
      </Stack>
    </Card>
  );
}

/** What an unlock did, in words; a refusal is thrown so that it shows as an error. */
export function unlockedText(
  what: string,
  result:
    { __typename: 'SignInUnlocked'; cleared: number } | { __typename: 'OperationRefused'; message: string } | undefined,
): string {
  if (!result) throw new Error('No answer from the server; try again.');
  if (result.__typename === 'OperationRefused') throw new Error(result.message);
  const failures = result.cleared === 1 ? '1 failed sign-in' : `${result.cleared} failed sign-ins`;
  return `${failures} cleared; ${what} can sign in again.`;
}
