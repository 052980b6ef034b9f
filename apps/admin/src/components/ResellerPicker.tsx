import { useLazyQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { RESELLER_OPTIONS } from '../features/customers/operations';

/** Staff pick the reseller a new customer belongs to; reseller users create for their own. */
export function ResellerPicker({ value, onChange, error }: { value: string | null; onChange: (id: string | null) => void; error?: string }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [load, { data }] = useLazyQuery(RESELLER_OPTIONS);
  useEffect(() => void load({ variables: { search: debounced || null } }), [debounced, load]);
  return (
    <Select
      label="Reseller"
      placeholder="Search resellers"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={(data?.resellers.nodes ?? []).map((r) => ({ value: r.id, label: `${r.companyName} (${r.marketplaceId})` }))}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

