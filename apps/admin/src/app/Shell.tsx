import { AppShell, Avatar, Badge, Burger, Center, Group, Loader, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useRef, type RefObject } from 'react';
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import { PERMISSIONS, type PermissionName } from './permissions';
import { useSession } from './session';

/** The back office's areas, each shown only to roles whose permissions it needs; unbuilt ones are disabled. */
const AREAS: { label: string; path: string; permission: PermissionName; ready: boolean }[] = [
  { label: 'Resellers', path: '/resellers', permission: PERMISSIONS.resellersRead, ready: true },
  { label: 'Customers', path: '/customers', permission: PERMISSIONS.customersRead, ready: true },
  { label: 'New purchase', path: '/purchase', permission: PERMISSIONS.ordersManage, ready: true },
  { label: 'Orders', path: '/orders', permission: PERMISSIONS.ordersRead, ready: true },
  { label: 'Terms requests', path: '/terms', permission: PERMISSIONS.termsReview, ready: true },
  { label: 'Support', path: '/support', permission: PERMISSIONS.casesOpen, ready: true },
  { label: 'Catalog', path: '/catalog', permission: PERMISSIONS.signedIn, ready: true },
  { label: 'Price lists', path: '/price-lists', permission: PERMISSIONS.catalogImport, ready: true },
  { label: 'Audit', path: '/audit', permission: PERMISSIONS.auditRead, ready: true },
  { label: 'Staff', path: '/staff', permission: PERMISSIONS.staffManage, ready: true },
  { label: 'Simulator', path: '/simulator', permission: PERMISSIONS.simulatorManage, ready: true },
];

export function Shell() {
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const { me, can, signOut } = useSession();
  // A reseller user's "Resellers" is its own account.
  const areas = me?.kind === 'RESELLER' ? [{ label: 'My account', path: `/resellers/${me.resellerId}`, permission: PERMISSIONS.signedIn, ready: true }, ...AREAS] : AREAS;
  const main = useRef<HTMLElement>(null);
  useDocumentTitle(main, location.pathname);
  const initials = (me?.displayName ?? '?').split(' ').map((w) => w[0]).join('').slice(0, 2);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text fw={700} size="lg">
              NCE Marketplace
            </Text>
            <Text c="dimmed" size="sm">
              Back office
            </Text>
          </Group>
          <Menu position="bottom-end">
            <Menu.Target>
              <UnstyledButton title="Account menu">
                <Group gap="xs">
                  <Avatar size="sm" color="indigo" variant="filled" aria-hidden>
                    {initials}
                  </Avatar>
                  <div>
                    <Text size="sm">{me?.displayName}</Text>
                    <Text size="xs" c="dimmed">
                      {me?.kind === 'RESELLER' ? 'reseller' : me?.roles.join(', ')}
                    </Text>
                  </div>
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => navigate('/account')}>Account and password</Menu.Item>
              <Menu.Item color="red" onClick={() => void signOut().then(() => navigate('/sign-in', { replace: true }))}>
                Sign out
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {areas.filter((area) => can(area.permission)).map((area) =>
          area.ready ? (
            <NavLink key={area.path} component={RouterLink} to={area.path} label={area.label} active={location.pathname.startsWith(area.path)} />
          ) : (
            <NavLink key={area.path} label={area.label} disabled rightSection={<Badge size="xs" variant="light" color="gray">soon</Badge>} />
          ),
        )}
      </AppShell.Navbar>
      <AppShell.Main ref={main}>
        <Suspense
          fallback={
            <Center h={200} aria-busy="true">
              <Loader />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

/**
 * The browser tab says which page this is: the page's one h1, kept in step as the page loads its data
 * (a detail page's heading is its record's name), then the product's name.
 */
function useDocumentTitle(main: RefObject<HTMLElement | null>, path: string) {
  useEffect(() => {
    const element = main.current;
    if (!element) return;
    const update = () => {
      const heading = element.querySelector('h1')?.textContent?.trim();
      document.title = heading ? `${heading} · NCE Marketplace` : 'NCE Marketplace';
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [main, path]);
}
