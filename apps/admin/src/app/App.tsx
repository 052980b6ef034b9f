import { ApolloProvider } from '@apollo/client/react';
import { createTheme, MantineProvider } from '@mantine/core';
import { useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuditPage } from '../features/audit/AuditPage';
import { CatalogPage } from '../features/catalog/CatalogPage';
import { ProductPage } from '../features/catalog/ProductPage';
import { AccountPage } from '../features/identity/AccountPage';
import { ResetPasswordPage } from '../features/identity/ResetPasswordPage';
import { SignInPage } from '../features/identity/SignInPage';
import { CustomerPage } from '../features/customers/CustomerPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { OrderPage } from '../features/orders/OrderPage';
import { OrdersPage } from '../features/orders/OrdersPage';
import { PurchasePage } from '../features/orders/PurchasePage';
import { ResellerPage } from '../features/resellers/ResellerPage';
import { SupportCasePage } from '../features/support/SupportCasePage';
import { SupportQueuePage } from '../features/support/SupportQueuePage';
import { TermsQueuePage } from '../features/terms/TermsQueuePage';
import { TermsRequestPage } from '../features/terms/TermsRequestPage';
import { ResellersPage } from '../features/resellers/ResellersPage';
import { SimulatorPage } from '../features/simulator/SimulatorPage';
import { StaffPage } from '../features/staff/StaffPage';
import { PriceListsPage } from '../features/price-lists/PriceListsPage';
import { createApolloClient } from './apollo';
import { RequirePermission, RequireSession } from './guards';
import { PERMISSIONS } from './permissions';
import { SessionEvents, SessionProvider } from './session';
import { Shell } from './Shell';

const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'md' });

export function App() {
  const events = useMemo(() => new SessionEvents(), []);
  const client = useMemo(() => createApolloClient((reason) => events.signInRequired(reason)), [events]);
  return (
    <MantineProvider theme={theme}>
      <BrowserRouter>
        <ApolloProvider client={client}>
          <SessionProvider events={events}>
            <Routes>
              <Route path="sign-in" element={<SignInPage />} />
              <Route path="reset-password" element={<ResetPasswordPage />} />
              <Route element={<RequireSession />}>
                <Route element={<Shell />}>
                  <Route index element={<Navigate to="/catalog" replace />} />
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
                  <Route path="support" element={<RequirePermission permission={PERMISSIONS.supportCases} what="work on support cases"><SupportQueuePage /></RequirePermission>} />
                  <Route path="support/:caseId" element={<SupportCasePage />} />
                  <Route path="simulator" element={<RequirePermission permission={PERMISSIONS.simulatorManage} what="change the Partner Center simulator"><SimulatorPage /></RequirePermission>} />
                  <Route path="staff" element={<RequirePermission permission={PERMISSIONS.staffManage} what="manage staff accounts"><StaffPage /></RequirePermission>} />
                  <Route path="price-lists" element={<RequirePermission permission={PERMISSIONS.catalogImport} what="import price lists"><PriceListsPage /></RequirePermission>} />
                  <Route path="audit" element={<RequirePermission permission={PERMISSIONS.auditRead} what="see the audit trail"><AuditPage /></RequirePermission>} />
                  <Route path="*" element={<Navigate to="/catalog" replace />} />
                </Route>
              </Route>
            </Routes>
          </SessionProvider>
        </ApolloProvider>
      </BrowserRouter>
    </MantineProvider>
  );
}
