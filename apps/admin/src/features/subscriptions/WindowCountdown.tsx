import { Badge, Tooltip } from '@mantine/core';
import { dateTime } from '../../components/format';

/** How long seats can still be removed for a refund: hours left (by the marketplace's clock) and the moment. */
export function WindowCountdown({ closesAt, hoursLeft }: { closesAt: string; hoursLeft: number | null | undefined }) {
  const hours = hoursLeft ?? 0;
  const left =
    hours >= 48
      ? `${Math.floor(hours / 24)} d ${Math.floor(hours % 24)} h`
      : `${Math.floor(hours)} h ${Math.round((hours % 1) * 60)} min`;
  return (
    <Tooltip label={`Closes ${dateTime(closesAt)}`}>
      <Badge
        color={hours <= 24 ? 'red' : hours <= 48 ? 'orange' : 'teal'}
        variant="light"
        data-testid="window-countdown"
      >
        {left} left
      </Badge>
    </Tooltip>
  );
}
