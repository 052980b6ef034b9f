import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, FileInput, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { StatusBadge } from '../../components/StatusBadge';
import type { PriceListImportQuery } from '../../gql/graphql';
import { IMPORT_PRICE_LIST, PRICE_LIST_UPLOADS, PRICE_LIST_IMPORT, PRICE_LIST_IMPORTS } from './operations';
import { dateTime } from '../../components/format';
import { PromotionsCard } from './PromotionsCard';

type Import = NonNullable<PriceListImportQuery['priceListImport']>;

const when = (iso: string | null | undefined) => (iso ? dateTime(iso) : '—');

/**
 * Sends the file to POST /uploads (the custom header keeps other sites from posting here) and answers its upload id.
 */
async function upload(file: File): Promise<string> {
  const response = await fetch('/uploads', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'text/csv', 'x-csrf-protection': '1' },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as { uploadId?: string; error?: string };
  if (!response.ok || !body.uploadId) throw new Error(body.error ?? `The upload failed (HTTP ${response.status}).`);
  return body.uploadId;
}

/** What became of an import: its progress while it runs, then its counts or the line and column at fault. */
function ImportOutcome({ run }: { run: Import }) {
  if (run.status === 'RUNNING') {
    return (
      <Stack gap={4} aria-live="polite">
        <Text size="sm">
          Importing {run.sourceName}: {run.rowsRead.toLocaleString()} rows read…
        </Text>
        <Progress value={100} animated aria-label="Import in progress" />
      </Stack>
    );
  }
  if (run.status === 'SUCCEEDED') {
    return (
      <Alert color="green" title="Price list imported" role="status">
        {run.rowsRead.toLocaleString()} rows: {run.rowsInserted.toLocaleString()} new,{' '}
        {run.rowsUpdated.toLocaleString()} changed, {run.rowsUnchanged.toLocaleString()} unchanged.
      </Alert>
    );
  }
  return (
    <Alert color="red" title="Price list rejected; nothing of it was applied" role="alert">
      {run.errorLine ? `Line ${run.errorLine}${run.errorColumn ? `, column ${run.errorColumn}` : ''}: ` : ''}
      {run.errorMessage}
    </Alert>
  );
}

/** Staff import Microsoft's NCE licence-based price list: all of a file, or none of it. */
export function PriceListsPage() {
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const list = useQuery(PRICE_LIST_IMPORTS, { variables: { first: 20 }, fetchPolicy: 'cache-and-network' });
  const [startImport] = useMutation(IMPORT_PRICE_LIST);
  const uploads = useQuery(PRICE_LIST_UPLOADS, { fetchPolicy: 'cache-and-network' });
  const { refetch: refetchUploads } = uploads;
  const current = useQuery(PRICE_LIST_IMPORT, {
    variables: { id: currentId ?? '' },
    skip: !currentId,
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const run = current.data?.priceListImport ?? null;
  const running = run?.status === 'RUNNING';

  // Poll while the import runs; once it ends, the list shows it too.
  const { startPolling, stopPolling } = current;
  const { refetch: refetchList } = list;
  const finished = run !== null && !running;
  useEffect(() => {
    if (!running) return;
    startPolling(1000);
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);
  useEffect(() => {
    if (finished) {
      void refetchList();
      void refetchUploads();
    }
  }, [finished, currentId, refetchList, refetchUploads]);

  const submit = async () => {
    if (!file) return;
    setProblem(null);
    setUploading(true);
    try {
      const uploadId = await upload(file);
      const result = await startImport({ variables: { uploadId, fileName: file.name } });
      const started = result.data?.importPriceList;
      if (started?.__typename === 'PriceListImport') {
        setCurrentId(started.id);
        setFile(null);
      } else setProblem(started?.message ?? 'The import could not start.');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setUploading(false);
    }
  };

  const imports = list.data?.priceListImports.nodes ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">
        Price lists
      </Title>
      <Card withBorder>
        <Stack>
          <Text size="sm" c="dimmed">
            Microsoft's NCE licence-based price list as a CSV file. A file is checked row by row as it is read; one bad
            row rejects the whole file, with its line and column, and nothing of it is applied. Importing the same file
            again changes nothing.
          </Text>
          <Group align="flex-end">
            <FileInput
              label="Price-list file (CSV)"
              placeholder="Choose a file"
              accept=".csv,text/csv"
              value={file}
              onChange={setFile}
              clearable
              w={360}
              disabled={uploading || running}
            />
            <Button onClick={() => void submit()} disabled={!file || running} loading={uploading}>
              Import
            </Button>
          </Group>
          {problem && (
            <Alert color="red" title="Could not import" role="alert">
              {problem}
            </Alert>
          )}
          {run && <ImportOutcome run={run} />}
          {uploads.data && (
            <Text size="sm" c="dimmed" data-testid="upload-disk-usage">
              {uploadUsageText(uploads.data.priceListUploads)}
            </Text>
          )}
        </Stack>
      </Card>
      <Title order={3}>Recent imports</Title>
      <QueryState
        loading={list.loading}
        error={list.error}
        empty={imports.length === 0}
        emptyText="No price list has been imported yet."
        onRetry={() => void list.refetch()}
      >
        <Table striped aria-label="Price-list imports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Rows</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th>Finished</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imports.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.sourceName}</Table.Td>
                <Table.Td>
                  <StatusBadge value={i.status} />
                  {i.status === 'FAILED' && (
                    <Text size="xs" c="dimmed">
                      {i.errorLine ? `line ${i.errorLine}: ` : ''}
                      {i.errorMessage}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {i.status === 'SUCCEEDED'
                    ? `${i.rowsRead.toLocaleString()} (${i.rowsInserted.toLocaleString()} new, ${i.rowsUpdated.toLocaleString()} changed)`
                    : i.rowsRead.toLocaleString()}
                </Table.Td>
                <Table.Td>{when(i.startedAt)}</Table.Td>
                <Table.Td>{when(i.finishedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ShowMore
          shown={imports.length}
          noun="import"
          hasMore={list.data?.priceListImports.pageInfo.hasNextPage ?? false}
          loadMore={() => list.fetchMore({ variables: { after: list.data?.priceListImports.pageInfo.endCursor } })}
        />
      </QueryState>
      <PromotionsCard manage />
    </Stack>
  );
}

/** "Uploaded files on the server: 2 files, 51.2 MB; …" — what uploads hold on the server's disk. */
export function uploadUsageText(usage: { files: number; bytes: number; maxAgeHours: number }): string {
  const size = new Intl.NumberFormat('en-US', {
    style: 'unit',
    unit: usage.bytes >= 1e6 ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(usage.bytes / (usage.bytes >= 1e6 ? 1e6 : 1e3));
  const files = usage.files === 1 ? '1 file' : `${usage.files} files`;
  return `Uploaded files on the server: ${files}, ${size}. Files not imported are removed after ${usage.maxAgeHours} hours.`;
}
