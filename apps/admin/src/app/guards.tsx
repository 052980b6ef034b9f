import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PERMISSIONS, type PermissionName } from './permissions';
import { useSession } from './session';

/** Screens behind it need a signed-in user; anyone else goes to the sign-in page and comes back after. */
export function RequireSession() {
  const { me, loading, error, endedBecause } = useSession();
  const location = useLocation();
  if (loading) {
    return (
      <Center h="100vh" aria-busy="true">
        <Loader />
      </Center>
    );
  }
  if (error && !me) {
    return (
      <Alert color="red" m="xl" title="The back office is unreachable" role="alert">
        {error.message}
      </Alert>
    );
  }
  if (!me) {
    const reason = endedBecause === 'SESSION_EXPIRED' ? 'reason=SESSION_EXPIRED&' : '';
    return (
      <Navigate to={`/sign-in?${reason}next=${encodeURIComponent(location.pathname + location.search)}`} replace />
    );
  }
  return <Outlet />;
}

/** A screen for one permission: others are told plainly that they may not, not shown an empty page. */
export function RequirePermission({
  permission,
  what,
  children,
}: {
  permission: PermissionName;
  what: string;
  children: ReactNode;
}) {
  const { can } = useSession();
  if (!can(permission)) {
    return (
      <Alert color="orange" title="Not allowed" role="alert">
        Your role does not allow you to {what}. Ask an administrator if you need it.
      </Alert>
    );
  }
  return <>{children}</>;
}

/** Where each role's work is: the credit team's queue, support's queue, orders for staff and resellers. */
export function homeFor(can: (permission: PermissionName) => boolean, kind: 'STAFF' | 'RESELLER' | undefined): string {
  if (kind === 'RESELLER') return '/orders';
  // Staff who run the business land on its dashboard; the credit and support teams on their queues.
  if (can(PERMISSIONS.ordersManage)) return can(PERMISSIONS.reportsRead) ? '/dashboard' : '/orders';
  if (can(PERMISSIONS.termsReview)) return '/terms';
  if (can(PERMISSIONS.supportCases)) return '/support';
  return '/catalog';
}

/** The landing page: each role lands on its work. */
export function RoleHome() {
  const { me, can } = useSession();
  return <Navigate to={homeFor(can, me?.kind as 'STAFF' | 'RESELLER' | undefined)} replace />;
}
