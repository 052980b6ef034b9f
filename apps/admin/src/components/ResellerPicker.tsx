import { useLazyQuery, useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { RESELLER_OPTION, RESELLER_OPTIONS } from '../features/customers/operations';

/**
 * Staff pick a reseller by name: the one a new customer belongs to, or the one a list is filtered on.
 * The chosen reseller keeps its name even when it is not among the first matches (a link, a reload).
 */
export function ResellerPicker(props: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  label?: string;
  placeholder?: string;
  w?: number;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [load, { data }] = useLazyQuery(RESELLER_OPTIONS);
  useEffect(() => void load({ variables: { search: debounced || null } }), [debounced, load]);
  const options = (data?.resellers.nodes ?? []).map((r) => ({
    value: r.id,
    label: `${r.companyName} (${r.marketplaceId})`,
  }));
  const chosenMissing = Boolean(props.value) && !options.some((o) => o.value === props.value);
  const chosen = useQuery(RESELLER_OPTION, { variables: { id: props.value ?? '' }, skip: !chosenMissing }).data
    ?.reseller;
  if (chosen && chosenMissing)
    options.unshift({ value: chosen.id, label: `${chosen.companyName} (${chosen.marketplaceId})` });
  return (
    <Select
      label={props.label ?? 'Reseller'}
      placeholder={props.placeholder ?? 'Search resellers'}
      searchable
      clearable={Boolean(props.placeholder)}
      onSearchChange={setSearch}
      data={options}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      w={props.w}
    />
  );
}
