import { AppShell, Badge, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';

/** The back office's areas. Those not built yet are shown, disabled, so the shape of the product is visible. */
const AREAS = [
  { label: 'Resellers', path: '/resellers', ready: false },
  { label: 'Customers', path: '/customers', ready: false },
  { label: 'Orders', path: '/orders', ready: false },
  { label: 'Terms requests', path: '/terms', ready: false },
  { label: 'Support', path: '/support', ready: false },
  { label: 'Catalog', path: '/catalog', ready: true },
  { label: 'Audit', path: '/audit', ready: false },
];

export function Shell() {
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm">
          <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
          <Title order={4}>NCE Marketplace</Title>
          <Text c="dimmed" size="sm">
            Back office
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {AREAS.map((area) =>
          area.ready ? (
            <NavLink key={area.path} component={RouterLink} to={area.path} label={area.label} active={location.pathname.startsWith(area.path)} />
          ) : (
            <NavLink key={area.path} label={area.label} disabled rightSection={<Badge size="xs" variant="light" color="gray">soon</Badge>} />
          ),
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
