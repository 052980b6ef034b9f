import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { formatMoneyAmount, PAYMENT_TERMS } from '@nce/domain';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { errorsByField } from '../../components/fieldErrors';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import { APPROVE, COMMENT, DECIDE, TERMS_REQUEST } from './operations';
import { SlaBadge } from './TermsQueuePage';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { confirmAction } from '../../components/feedback';
import { ResellerStanding } from './ResellerStanding';
import { dateTime } from '../../components/format';

export function TermsRequestPage() {
  const { requestId = '' } = useParams();
  const { me, can } = useSession();
  const { data, loading, error, refetch } = useQuery(TERMS_REQUEST, {
    variables: { id: requestId },
    fetchPolicy: 'cache-and-network',
  });
  const [decide, deciding] = useMutation(DECIDE);
  const [approve, approving] = useMutation(APPROVE);
  const [comment] = useMutation(COMMENT);
  const [approval, setApproval] = useState({
    creditLimit: '',
    currency: 'USD',
    paymentTerms: 'NET_30',
    effectiveFrom: new Date().toISOString().slice(0, 10),
    comment: '',
  });
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const request = data?.termsRequest;
  const reviewer = can(PERMISSIONS.termsReview);
  const mine = request?.assigneeEmail === me?.email;
  // The analyst starts from the amount the reseller asked for.
  const asked = request?.requestedLimit;
  useEffect(() => {
    if (asked)
      setApproval((current) =>
        current.creditLimit ? current : { ...current, creditLimit: formatMoneyAmount(asked), currency: asked.currency },
      );
  }, [asked]);

  const run = async (
    work: () => Promise<
      { __typename?: string; message?: string; fields?: { field: string; message: string }[] } | null | undefined
    >,
  ) => {
    setErrors({});
    setFailure(null);
    try {
      const result = await work();
      if (result?.__typename === 'ValidationFailed' && result.fields) setErrors(errorsByField(result.fields));
      else if (result && result.__typename !== 'TermsRequestSaved' && result.message) setFailure(result.message);
    } catch (e) {
      setFailure((e as Error).message);
    }
    await refetch();
  };
  const event = (name: string, text?: string) =>
    run(
      async () =>
        (await decide({ variables: { id: requestId, version: request!.version, event: name, comment: text ?? null } }))
          .data?.decideTermsRequest,
    );

  return (
    <Stack>
      <PageBreadcrumbs
        trail={[{ label: 'Terms requests', to: '/terms', permission: PERMISSIONS.termsReview }]}
        current={request?.companyName}
      />
      <QueryState
        loading={loading}
        error={error}
        empty={!request}
        emptyText="No such terms request."
        onRetry={() => void refetch()}
      >
        {request && (
          <>
            <Group justify="space-between">
              <div>
                <Group gap="sm">
                  <Title order={1} size="h2">
                    {request.companyName}
                  </Title>
                  <span data-testid="terms-status">
                    <StatusBadge value={request.status} />
                  </span>
                  <SlaBadge sla={request.sla} ageHours={request.ageHours} />
                </Group>
                <Text c="dimmed">
                  {request.marketplaceId} · BCN {request.bcn} · submitted {dateTime(request.submittedAt)} · answer due{' '}
                  {dateTime(request.dueAt)}
                </Text>
                <Text data-testid="requested-limit">
                  {request.requestedLimit ? (
                    <>
                      Asks for a credit line of <b>{request.requestedLimit.formatted}</b>.
                    </>
                  ) : (
                    'No amount was given with this request.'
                  )}
                </Text>
              </div>
              {reviewer && (
                <Group>
                  {request.status === 'SUBMITTED' && (
                    <Button onClick={() => void event('CLAIM')} loading={deciding.loading}>
                      Claim
                    </Button>
                  )}
                  {request.status === 'IN_REVIEW' && mine && (
                    <Button variant="light" onClick={() => void event('RELEASE')}>
                      Release
                    </Button>
                  )}
                </Group>
              )}
            </Group>
            {failure && (
              <Alert color="red" role="alert" withCloseButton onClose={() => setFailure(null)}>
                {failure}
              </Alert>
            )}
            {request.status === 'APPROVED' && (
              <Alert color="green" title="Approved">
                Credit line {request.creditLimit?.formatted}, {request.paymentTerms?.replace('_', ' ').toLowerCase()},
                from {request.effectiveFrom}; decided by {request.decidedByEmail}.
              </Alert>
            )}
            {request.status === 'REJECTED' && (
              <Alert color="red" title="Rejected">
                {request.decisionReason}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Card withBorder>
                <Title order={5}>Company and contact</Title>
                <Text size="sm">
                  {request.address.line1}, {request.address.city} {request.address.region} {request.address.postalCode}{' '}
                  · {request.address.country}
                </Text>
                <Text size="sm" mt="xs">
                  {request.contact.name} · {request.contact.email} · {request.contact.phone}
                </Text>
                <Anchor component={Link} to={`/resellers/${request.resellerId}`} size="sm">
                  Reseller account
                </Anchor>
              </Card>
              <Card withBorder>
                <Title order={5}>Analyst</Title>
                <Text size="sm">{request.assigneeEmail ?? 'Not claimed yet'}</Text>
              </Card>
            </SimpleGrid>
            {reviewer && <ResellerStanding resellerId={request.resellerId} />}
            {reviewer && request.status === 'IN_REVIEW' && mine && (
              <Card withBorder aria-label="Decision">
                <Stack>
                  <Title order={4}>Decision</Title>
                  <Group align="flex-start">
                    <TextInput
                      label="Credit limit"
                      placeholder="25000.00"
                      value={approval.creditLimit}
                      onChange={(e) => setApproval({ ...approval, creditLimit: e.currentTarget.value })}
                      error={errors.creditLimit}
                      w={160}
                    />
                    <TextInput
                      label="Currency"
                      value={approval.currency}
                      onChange={(e) => setApproval({ ...approval, currency: e.currentTarget.value })}
                      w={90}
                    />
                    <Select
                      label="Payment terms"
                      data={PAYMENT_TERMS.map((p) => ({ value: p, label: p.replace('_', ' ') }))}
                      value={approval.paymentTerms}
                      onChange={(v) => setApproval({ ...approval, paymentTerms: v ?? 'NET_30' })}
                      error={errors.paymentTerms}
                      w={140}
                    />
                    <TextInput
                      label="Effective from"
                      type="date"
                      value={approval.effectiveFrom}
                      onChange={(e) => setApproval({ ...approval, effectiveFrom: e.currentTarget.value })}
                      error={errors.effectiveFrom}
                      w={170}
                    />
                  </Group>
                  <Button
                    w="fit-content"
                    color="green"
                    loading={approving.loading}
                    onClick={() =>
                      void confirmAction({
                        title: `Approve terms for ${request.companyName}?`,
                        effect: `A credit line of ${approval.creditLimit || '—'} ${approval.currency} on ${approval.paymentTerms.replace('_', ' ')} terms, from ${approval.effectiveFrom || 'today'}. The reseller can then pay on terms up to that limit.`,
                        confirm: 'Approve terms',
                        danger: false,
                      }).then((yes) =>
                        yes
                          ? run(
                              async () =>
                                (
                                  await approve({
                                    variables: {
                                      id: requestId,
                                      version: request.version,
                                      input: { ...approval, comment: approval.comment || null },
                                    },
                                  })
                                ).data?.approveTermsRequest,
                            )
                          : undefined,
                      )
                    }
                  >
                    Approve
                  </Button>
                  <Textarea
                    label="Reason (to reject) or what is missing (to ask for more information)"
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                    error={errors.reason ?? errors.comment}
                    autosize
                    minRows={2}
                  />
                  <Group>
                    <Button
                      color="red"
                      variant="light"
                      onClick={() =>
                        void confirmAction({
                          title: `Reject the request of ${request.companyName}?`,
                          effect: reason.trim()
                            ? `The reseller is told: “${reason.trim()}”. It keeps paying by card.`
                            : 'The reseller keeps paying by card. Give the reason above first: the reseller is told.',
                          confirm: 'Reject request',
                        }).then((yes) => (yes ? event('REJECT', reason) : undefined))
                      }
                    >
                      Reject
                    </Button>
                    <Button variant="light" onClick={() => void event('REQUEST_INFO', reason)}>
                      Ask for more information
                    </Button>
                  </Group>
                </Stack>
              </Card>
            )}
            <Card withBorder>
              <Title order={4} mb="sm">
                History
              </Title>
              <Timeline bulletSize={12} active={request.notes.length - 1}>
                {request.notes.map((n, i) => (
                  <Timeline.Item
                    key={i}
                    title={n.kind === 'COMMENT' ? `Comment by ${n.authorEmail ?? 'someone'}` : n.text}
                  >
                    {n.kind === 'COMMENT' && <Text size="sm">{n.text}</Text>}
                    <Text size="xs" c="dimmed">
                      {dateTime(n.at)}
                      {n.kind === 'STATUS' && n.authorEmail ? ` · ${n.authorEmail}` : ''}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
              <Group mt="sm" align="flex-end">
                <TextInput
                  label="Comment"
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  w={400}
                  error={errors.text}
                />
                <Button
                  variant="light"
                  disabled={!note.trim()}
                  onClick={() =>
                    void run(
                      async () =>
                        (await comment({ variables: { id: requestId, text: note } })).data?.commentTermsRequest,
                    ).then(() => setNote(''))
                  }
                >
                  Add
                </Button>
              </Group>
            </Card>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
