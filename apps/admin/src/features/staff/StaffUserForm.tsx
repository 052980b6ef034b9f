import { Alert, Button, Checkbox, Group, Stack, Switch, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';

export const ROLE_OPTIONS = [
  { value: 'admin', label: 'Admin — everything, plus staff accounts' },
  { value: 'staff', label: 'Staff — resellers, customers, orders, catalog' },
  { value: 'credit', label: 'Credit — terms requests, payment settings' },
  { value: 'support', label: 'Support — cases, returns, password help' },
];

export interface StaffUserValues {
  email: string;
  displayName: string;
  roles: string[];
  active: boolean;
}

/** The form for a new or an existing staff user, with errors shown at the field they concern. */
export function StaffUserForm(props: {
  initial: StaffUserValues;
  existing: boolean;
  submitting: boolean;
  fieldErrors: Record<string, string>;
  formError: string | null;
  onSubmit: (values: StaffUserValues) => void;
}) {
  const [values, setValues] = useState(props.initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(values);
  };
  return (
    <Stack component="form" onSubmit={submit}>
      {props.formError && (
        <Alert color="red" role="alert">
          {props.formError}
        </Alert>
      )}
      <TextInput
        label="Email"
        disabled={props.existing}
        value={values.email}
        onChange={(e) => setValues({ ...values, email: e.currentTarget.value })}
        error={props.fieldErrors.email}
      />
      <TextInput
        label="Name"
        value={values.displayName}
        onChange={(e) => setValues({ ...values, displayName: e.currentTarget.value })}
        error={props.fieldErrors.displayName}
      />
      <Checkbox.Group
        label="Roles"
        value={values.roles}
        onChange={(roles) => setValues({ ...values, roles })}
        error={props.fieldErrors.roles}
      >
        <Stack gap={6} mt={6}>
          {ROLE_OPTIONS.map((role) => (
            <Checkbox key={role.value} value={role.value} label={role.label} />
          ))}
        </Stack>
      </Checkbox.Group>
      {props.existing && (
        <Switch
          label="Active (may sign in)"
          checked={values.active}
          onChange={(e) => setValues({ ...values, active: e.currentTarget.checked })}
        />
      )}
      <Group justify="flex-end">
        <Button type="submit" loading={props.submitting}>
          {props.existing ? 'Save changes' : 'Create user'}
        </Button>
      </Group>
    </Stack>
  );
}
