import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { graphql } from '../../gql';

const SETTINGS = graphql(`
  query NotificationSettings {
    me {
      id
      notificationSettings {
        topic
        label
        description
        enabled
      }
    }
  }
`);

const SET_SETTING = graphql(`
  mutation SetNotificationSetting($topic: Code!, $enabled: Boolean!) {
    setNotificationSetting(topic: $topic, enabled: $enabled) {
      __typename
      ... on NotificationSettingsSaved {
        settings {
          topic
          enabled
        }
      }
      ... on ValidationFailed {
        message
      }
    }
  }
`);

/** The emails the signed-in user gets about subscriptions, each switched on or off at once. */
export function NotificationSettings() {
  const { data } = useQuery(SETTINGS);
  const [save, saving] = useMutation(SET_SETTING, { refetchQueries: [SETTINGS] });
  const [error, setError] = useState<string | null>(null);
  const settings = data?.me?.notificationSettings ?? [];
  return (
    <Paper withBorder p="lg" aria-label="Emails">
      <Stack>
        <Title order={4}>Emails about subscriptions</Title>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {settings.map((s) => (
          <Switch
            key={s.topic}
            label={s.label}
            description={s.description}
            checked={s.enabled}
            disabled={saving.loading}
            onChange={(e) => {
              setError(null);
              void save({ variables: { topic: s.topic, enabled: e.currentTarget.checked } })
                .then((r) => {
                  const answer = r.data?.setNotificationSetting;
                  if (answer?.__typename === 'ValidationFailed') setError(answer.message);
                })
                .catch((failure: Error) => setError(failure.message));
            }}
          />
        ))}
        <Text size="xs" c="dimmed">
          Reminders go to every user of your company who has them on.
        </Text>
      </Stack>
    </Paper>
  );
}
