import { useMutation } from '@apollo/client/react';
import { Button, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorsByField } from '../../components/fieldErrors';
import { OPEN_CASE } from './operations';
import { CASE_TYPE_LABELS } from './SupportQueuePage';

/** Opens a support case, about an order or not: by the reseller, or by support on its behalf. */
export function OpenCaseButton({
  resellerId,
  orderId,
  customerId,
}: {
  resellerId: string;
  orderId?: string;
  customerId?: string;
}) {
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [values, setValues] = useState({ type: orderId ? 'RETURN' : 'BILLING', subject: '', text: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [open, state] = useMutation(OPEN_CASE);
  const submit = async () => {
    setErrors({});
    const result = (
      await open({
        variables: { resellerId, input: { ...values, orderId: orderId ?? null, customerId: customerId ?? null } },
      })
    ).data?.openSupportCase;
    if (result?.__typename === 'CaseSaved') navigate(`/support/${result.supportCase.id}`);
    else if (result?.__typename === 'ValidationFailed') setErrors(errorsByField(result.fields));
  };
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)}>
        Open a support case
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Open a support case">
        <Stack>
          <Select
            label="About"
            data={Object.entries(CASE_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
            value={values.type}
            onChange={(type) => setValues({ ...values, type: type ?? 'OTHER' })}
          />
          <TextInput
            label="Subject"
            value={values.subject}
            onChange={(e) => setValues({ ...values, subject: e.currentTarget.value })}
            error={errors.subject}
          />
          <Textarea
            label="What happened"
            value={values.text}
            onChange={(e) => setValues({ ...values, text: e.currentTarget.value })}
            error={errors.text}
            autosize
            minRows={3}
          />
          <Button
            loading={state.loading}
            onClick={() => void submit().catch((error: Error) => setErrors({ text: error.message }))}
          >
            Open case
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
