import { ApolloProvider } from '@apollo/client/react';
import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { useMemo } from 'react';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ResetPasswordPage } from '../features/identity/ResetPasswordPage';
import { SignInPage } from '../features/identity/SignInPage';
import { createApolloClient } from './apollo';
import { RequirePermission, RequireSession, RoleHome } from './guards';
import { FEATURES } from './features';
import { SessionEvents, SessionProvider } from './session';
import { Shell } from './Shell';

const theme = createTheme({
  primaryColor: 'indigo',
  // White text on the primary colour needs a darker shade than Mantine's default for 4.5:1 contrast.
  primaryShade: 8,
  defaultRadius: 'md',
  // Links in running text are underlined, so they are told apart without colour.
  components: { Anchor: { defaultProps: { underline: 'always' } } },
});

/**
 * Text dark enough for 4.5:1 contrast (axe-core checks every page in the browser tests): "dimmed" text and
 * placeholders a shade darker than Mantine's defaults (about 3.3:1), and light badges' text near-black on
 * their tinted background (even the darkest green or orange falls short on it): the tint carries the colour.
 */
const LIGHT_BADGE_COLOURS = [
  'red',
  'pink',
  'grape',
  'violet',
  'indigo',
  'blue',
  'cyan',
  'teal',
  'green',
  'lime',
  'gray',
  'yellow',
  'orange',
];
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      LIGHT_BADGE_COLOURS.map((colour) => [`--mantine-color-${colour}-light-color`, 'var(--mantine-color-dark-7)']),
    ),
  },
  dark: {},
});

export function App() {
  const events = useMemo(() => new SessionEvents(), []);
  const client = useMemo(() => createApolloClient((reason) => events.signInRequired(reason)), [events]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <ModalsProvider>
        <BrowserRouter>
          <ApolloProvider client={client}>
            <SessionProvider events={events}>
              <Routes>
                <Route path="sign-in" element={<SignInPage />} />
                <Route path="reset-password" element={<ResetPasswordPage />} />
                <Route element={<RequireSession />}>
                  <Route element={<Shell />}>
                    <Route index element={<RoleHome />} />
                    {FEATURES.flatMap((feature) => feature.routes).map(({ path, page: Page, permission, what }) => (
                      <Route
                        key={path}
                        path={path}
                        element={
                          permission ? (
                            <RequirePermission permission={permission} what={what ?? 'open this page'}>
                              <Page />
                            </RequirePermission>
                          ) : (
                            <Page />
                          )
                        }
                      />
                    ))}
                    <Route path="*" element={<RoleHome />} />
                  </Route>
                </Route>
              </Routes>
            </SessionProvider>
          </ApolloProvider>
        </BrowserRouter>
      </ModalsProvider>
    </MantineProvider>
  );
}
