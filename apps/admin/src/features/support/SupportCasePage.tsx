import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { caseStatusWords, nextCaseStatuses, type CaseStatus } from '@nce/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import { LoginHelpPanel } from './LoginHelpPanel';
import { COMMENT_CASE, SUPPORT_CASE, UPDATE_CASE } from './operations';
import { ReturnPanel } from './ReturnPanel';
import { CASE_TYPE_LABELS } from './SupportQueuePage';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { ageText, dateTime } from '../../components/format';

export function SupportCasePage() {
  const { caseId = '' } = useParams();
  const { can } = useSession();
  const { data, loading, error, refetch } = useQuery(SUPPORT_CASE, {
    variables: { id: caseId },
    fetchPolicy: 'cache-and-network',
  });
  const [update] = useMutation(UPDATE_CASE);
  const [comment] = useMutation(COMMENT_CASE);
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const supportCase = data?.supportCase;
  const agent = can(PERMISSIONS.supportCases);

  const change = async (vars: { status?: string; assignToMe?: boolean }) => {
    if (!supportCase) return;
    setStatusError(null);
    const result = (await update({ variables: { id: caseId, version: supportCase.version, ...vars } })).data
      ?.updateSupportCase;
    if (result?.__typename === 'ValidationFailed') setStatusError(result.fields.map((f) => f.message).join(' '));
    else if (result && 'message' in result) setFailure(result.message);
    await refetch();
  };

  return (
    <Stack>
      <PageBreadcrumbs
        trail={[{ label: agent ? 'Support queue' : 'Support cases', to: '/support' }]}
        current={supportCase?.subject}
      />
      <QueryState
        loading={loading}
        error={error}
        empty={!supportCase}
        emptyText="No such case."
        onRetry={() => void refetch()}
      >
        {supportCase && (
          <>
            <Group justify="space-between">
              <div>
                <Group gap="sm">
                  <Title order={1} size="h2">
                    {supportCase.subject}
                  </Title>
                  <StatusBadge value={supportCase.status} />
                  <Badge variant="light">{supportCase.priority.toLowerCase()}</Badge>
                </Group>
                <Text c="dimmed">
                  {supportCase.number} · {CASE_TYPE_LABELS[supportCase.type]} · opened by {supportCase.openedByEmail}{' '}
                  {ageText(supportCase.ageHours)}
                  {supportCase.orderId && (
                    <>
                      {' · '}
                      <Anchor component={Link} to={`/orders/${supportCase.orderId}`}>
                        the order
                      </Anchor>
                    </>
                  )}
                </Text>
              </div>
              {agent && (
                <Group>
                  {!supportCase.assigneeEmail && (
                    <Button variant="light" onClick={() => void change({ assignToMe: true })}>
                      Take
                    </Button>
                  )}
                  <Select
                    aria-label="Status"
                    // Only where the case may go from here (a closed case stays closed).
                    data={[supportCase.status as CaseStatus, ...nextCaseStatuses(supportCase.status as CaseStatus)].map(
                      (s) => ({ value: s, label: caseStatusWords(s) }),
                    )}
                    value={supportCase.status}
                    onChange={(s) => s && s !== supportCase.status && void change({ status: s })}
                    disabled={nextCaseStatuses(supportCase.status as CaseStatus).length === 0}
                    error={statusError}
                    w={220}
                  />
                </Group>
              )}
            </Group>
            {failure && (
              <Alert color="red" withCloseButton onClose={() => setFailure(null)}>
                {failure}
              </Alert>
            )}
            {agent && supportCase.orderId && (supportCase.type === 'RETURN' || supportCase.type === 'BILLING') && (
              <ReturnPanel orderId={supportCase.orderId} caseId={supportCase.id} onReturned={refetch} />
            )}
            {agent && supportCase.type === 'PASSWORD_LOGIN' && <LoginHelpPanel />}
            <Card withBorder>
              <Title order={4} mb="sm">
                Conversation
              </Title>
              <Timeline bulletSize={12} active={supportCase.comments.length - 1}>
                {supportCase.comments.map((c, i) => (
                  <Timeline.Item key={i} title={c.kind === 'ACTION' ? 'Action' : (c.authorEmail ?? 'someone')}>
                    <Text size="sm">{c.text}</Text>
                    <Text size="xs" c="dimmed">
                      {dateTime(c.at)}
                      {c.kind === 'ACTION' && c.authorEmail ? ` · ${c.authorEmail}` : ''}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
              <Group mt="sm" align="flex-end">
                <TextInput label="Reply" value={text} onChange={(e) => setText(e.currentTarget.value)} w={420} />
                <Button
                  variant="light"
                  disabled={!text.trim()}
                  onClick={() =>
                    void comment({ variables: { id: caseId, text } }).then(() => {
                      setText('');
                      return refetch();
                    })
                  }
                >
                  Send
                </Button>
              </Group>
            </Card>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
