import { ApolloProvider } from '@apollo/client/react';
import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { lazy, useMemo } from 'react';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ResetPasswordPage } from '../features/identity/ResetPasswordPage';
import { SignInPage } from '../features/identity/SignInPage';
import { createApolloClient } from './apollo';
import { RequirePermission, RequireSession, RoleHome } from './guards';
import { PERMISSIONS } from './permissions';
import { SessionEvents, SessionProvider } from './session';
import { Shell } from './Shell';

// Each area is its own chunk, loaded when first opened.
const AuditPage = lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const CatalogPage = lazy(() => import('../features/catalog/CatalogPage').then((m) => ({ default: m.CatalogPage })));
const ProductPage = lazy(() => import('../features/catalog/ProductPage').then((m) => ({ default: m.ProductPage })));
const AccountPage = lazy(() => import('../features/identity/AccountPage').then((m) => ({ default: m.AccountPage })));
const CustomerPage = lazy(() => import('../features/customers/CustomerPage').then((m) => ({ default: m.CustomerPage })));
const CustomersPage = lazy(() => import('../features/customers/CustomersPage').then((m) => ({ default: m.CustomersPage })));
const OrderPage = lazy(() => import('../features/orders/OrderPage').then((m) => ({ default: m.OrderPage })));
const OrdersPage = lazy(() => import('../features/orders/OrdersPage').then((m) => ({ default: m.OrdersPage })));
const PurchasePage = lazy(() => import('../features/orders/PurchasePage').then((m) => ({ default: m.PurchasePage })));
const ResellerPage = lazy(() => import('../features/resellers/ResellerPage').then((m) => ({ default: m.ResellerPage })));
const SupportCasePage = lazy(() => import('../features/support/SupportCasePage').then((m) => ({ default: m.SupportCasePage })));
const SupportQueuePage = lazy(() => import('../features/support/SupportQueuePage').then((m) => ({ default: m.SupportQueuePage })));
const TermsQueuePage = lazy(() => import('../features/terms/TermsQueuePage').then((m) => ({ default: m.TermsQueuePage })));
const TermsRequestPage = lazy(() => import('../features/terms/TermsRequestPage').then((m) => ({ default: m.TermsRequestPage })));
const ResellersPage = lazy(() => import('../features/resellers/ResellersPage').then((m) => ({ default: m.ResellersPage })));
const SimulatorPage = lazy(() => import('../features/simulator/SimulatorPage').then((m) => ({ default: m.SimulatorPage })));
const StaffPage = lazy(() => import('../features/staff/StaffPage').then((m) => ({ default: m.StaffPage })));
const PriceListsPage = lazy(() => import('../features/price-lists/PriceListsPage').then((m) => ({ default: m.PriceListsPage })));

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
const LIGHT_BADGE_COLOURS = ['red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'gray', 'yellow', 'orange'];
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(LIGHT_BADGE_COLOURS.map((colour) => [`--mantine-color-${colour}-light-color`, 'var(--mantine-color-dark-7)'])),
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
                  <Route path="catalog" element={<CatalogPage />} />
                  <Route path="catalog/products/:productId" element={<ProductPage />} />
                  <Route path="account" element={<AccountPage />} />
                  <Route path="resellers" element={<RequirePermission permission={PERMISSIONS.resellersRead} what="see resellers"><ResellersPage /></RequirePermission>} />
                  <Route path="resellers/:resellerId" element={<ResellerPage />} />
                  <Route path="customers" element={<RequirePermission permission={PERMISSIONS.customersRead} what="see customers"><CustomersPage /></RequirePermission>} />
                  <Route path="customers/:customerId" element={<RequirePermission permission={PERMISSIONS.customersRead} what="see customers"><CustomerPage /></RequirePermission>} />
                  <Route path="orders" element={<RequirePermission permission={PERMISSIONS.ordersRead} what="see orders"><OrdersPage /></RequirePermission>} />
                  <Route path="orders/:orderId" element={<RequirePermission permission={PERMISSIONS.ordersRead} what="see orders"><OrderPage /></RequirePermission>} />
                  <Route path="purchase" element={<RequirePermission permission={PERMISSIONS.ordersManage} what="buy"><PurchasePage /></RequirePermission>} />
                  <Route path="terms" element={<RequirePermission permission={PERMISSIONS.termsReview} what="review terms requests"><TermsQueuePage /></RequirePermission>} />
                  <Route path="terms/:requestId" element={<TermsRequestPage />} />
                  <Route path="support" element={<RequirePermission permission={PERMISSIONS.casesOpen} what="see support cases"><SupportQueuePage /></RequirePermission>} />
                  <Route path="support/:caseId" element={<SupportCasePage />} />
                  <Route path="simulator" element={<RequirePermission permission={PERMISSIONS.simulatorManage} what="change the Partner Center simulator"><SimulatorPage /></RequirePermission>} />
                  <Route path="staff" element={<RequirePermission permission={PERMISSIONS.staffManage} what="manage staff accounts"><StaffPage /></RequirePermission>} />
                  <Route path="price-lists" element={<RequirePermission permission={PERMISSIONS.catalogImport} what="import price lists"><PriceListsPage /></RequirePermission>} />
                  <Route path="audit" element={<RequirePermission permission={PERMISSIONS.auditRead} what="see the audit trail"><AuditPage /></RequirePermission>} />
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
