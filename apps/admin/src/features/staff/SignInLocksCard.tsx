import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useOutcome } from '../../components/useOutcome';
import { UNLOCK } from '../support/operations';
import { unlockedText } from '../support/LoginHelpPanel';
import { UNLOCK_ADDRESS } from './operations';

/** Admins lift sign-in locks: any account's, or a client address's (a shared office or proxy address). */
export function SignInLocksCard() {
  const [email, setEmail] = useState('');
  const [address, setAddress] = useState('');
  const { message, run } = useOutcome();
  const [unlock, unlocking] = useMutation(UNLOCK);
  const [unlockAddress, unlockingAddress] = useMutation(UNLOCK_ADDRESS);
  return (
    <Card withBorder aria-label="Sign-in locks">
      <Stack gap="sm">
        <Title order={4}>Sign-in locks</Title>
        <Text size="sm" c="dimmed">
          Too many failed sign-ins lock an account, or every account tried from one address, for 15 minutes.
        </Text>
        {message && (
          <Alert color={message.color} role="status">
            {message.text}
          </Alert>
        )}
        <Group align="flex-end">
          <TextInput label="Account email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} w={280} />
          <Button
            variant="light"
            loading={unlocking.loading}
            disabled={!email}
            onClick={() =>
              void run(async () => unlockedText(email, (await unlock({ variables: { email } })).data?.unlockSignIn))
            }
          >
            Unlock account
          </Button>
          <TextInput
            label="Client address"
            placeholder="203.0.113.7"
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            w={200}
          />
          <Button
            variant="light"
            loading={unlockingAddress.loading}
            disabled={!address}
            onClick={() =>
              void run(async () =>
                unlockedText(
                  `everyone at ${address}`,
                  (await unlockAddress({ variables: { address } })).data?.unlockSignInAddress,
                ),
              )
            }
          >
            Unlock address
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
