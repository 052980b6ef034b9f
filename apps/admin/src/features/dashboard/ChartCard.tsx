import { BarChart } from '@mantine/charts';
import { Anchor, Card, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { csvRow } from '@nce/domain';
import { useState } from 'react';

export interface ChartSeries {
  name: string;
  label?: string;
  color: string;
}

/**
 * A chart with the table behind it and that table as CSV: the figures a chart draws can always be read exactly and
 * taken to a spreadsheet.
 */
export function ChartCard(props: {
  id: string;
  title: string;
  description: string;
  data: Record<string, string | number>[];
  dataKey: string;
  dataLabel: string;
  series: ChartSeries[];
  format: (value: number) => string;
  stacked?: boolean;
}) {
  const [asTable, setAsTable] = useState(false);
  const header = [props.dataLabel, ...props.series.map((s) => s.label ?? s.name)];
  const csv =
    csvRow(header) +
    props.data
      .map((row) => csvRow([String(row[props.dataKey]), ...props.series.map((s) => Number(row[s.name] ?? 0))]))
      .join('');
  return (
    <Card withBorder component="section" aria-labelledby={props.id}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h5" id={props.id}>
              {props.title}
            </Title>
            <Text size="xs" c="dimmed">
              {props.description}
            </Text>
          </div>
          <Group gap="sm">
            <Switch
              size="xs"
              label="Table"
              checked={asTable}
              onChange={(e) => setAsTable(e.currentTarget.checked)}
              aria-label={`Show ${props.title} as a table`}
            />
            <Anchor
              size="xs"
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`}
              download={`${props.id}.csv`}
            >
              CSV
            </Anchor>
          </Group>
        </Group>
        {asTable ? (
          <Table aria-label={props.title}>
            <Table.Thead>
              <Table.Tr>
                {header.map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.data.map((row) => (
                <Table.Tr key={String(row[props.dataKey])}>
                  <Table.Td>{row[props.dataKey]}</Table.Td>
                  {props.series.map((s) => (
                    <Table.Td key={s.name}>{props.format(Number(row[s.name] ?? 0))}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <div role="img" aria-label={`${props.title}: chart (switch Table on for the figures)`}>
            <BarChart
              h={240}
              data={props.data}
              dataKey={props.dataKey}
              type={props.stacked === false ? 'default' : 'stacked'}
              series={props.series}
              valueFormatter={props.format}
              withLegend
              legendProps={{ verticalAlign: 'bottom' }}
            />
          </div>
        )}
      </Stack>
    </Card>
  );
}
