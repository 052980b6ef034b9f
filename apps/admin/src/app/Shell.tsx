import { AppShell, Avatar, Burger, Center, Group, Loader, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useRef, type RefObject } from 'react';
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import type { NavArea } from './feature';
import { FEATURES } from './features';
import { PERMISSIONS } from './permissions';
import { useSession } from './session';

/** The back office's areas, from the features' declarations, each shown only to roles holding its permission. */
const AREAS: NavArea[] = FEATURES.flatMap((feature) => feature.nav ?? []);

export function Shell() {
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const { me, can, signOut } = useSession();
  // A reseller user's "Resellers" is its own account.
  const areas =
    me?.kind === 'RESELLER'
      ? [{ label: 'My account', path: `/resellers/${me.resellerId}`, permission: PERMISSIONS.signedIn }, ...AREAS]
      : AREAS;
  const main = useRef<HTMLElement>(null);
  useDocumentTitle(main, location.pathname);
  const initials = (me?.displayName ?? '?')
    .split(' ')
    .map((w) => w[0])
    .join('')
    .slice(0, 2);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
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
        {areas
          .filter((area) => can(area.permission))
          .map((area) => (
            <NavLink
              key={area.path}
              component={RouterLink}
              to={area.path}
              label={area.label}
              active={location.pathname.startsWith(area.path)}
            />
          ))}
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
