import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PermissionName } from '../app/permissions';
import { useSession } from '../app/session';

export interface Crumb {
  label: string;
  to: string;
  /** Shown only to users who may open it: a link that leads to "Not allowed" is no link. */
  permission?: PermissionName;
}

/** Where a detail page sits: the lists above it the user may open, then the page itself. */
export function PageBreadcrumbs({ trail, current }: { trail: Crumb[]; current?: string | null }) {
  const { can } = useSession();
  const links = trail.filter((crumb) => !crumb.permission || can(crumb.permission));
  return (
    <Breadcrumbs aria-label="Breadcrumbs">
      {links.map((crumb) => (
        <Anchor key={crumb.to} component={Link} to={crumb.to} size="sm">
          {crumb.label}
        </Anchor>
      ))}
      {current && (
        <Text size="sm" c="dimmed" aria-current="page">
          {current}
        </Text>
      )}
    </Breadcrumbs>
  );
}
