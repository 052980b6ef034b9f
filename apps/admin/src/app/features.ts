import { auditFeature } from '../features/audit/routes';
import { billingFeature } from '../features/billing/routes';
import { catalogFeature } from '../features/catalog/routes';
import { customersFeature } from '../features/customers/routes';
import { dashboardFeature } from '../features/dashboard/routes';
import { identityFeature } from '../features/identity/routes';
import { ordersFeature } from '../features/orders/routes';
import { partnerCenterFeature } from '../features/partner-center/routes';
import { priceBooksFeature } from '../features/price-books/routes';
import { priceListsFeature } from '../features/price-lists/routes';
import { resellersFeature } from '../features/resellers/routes';
import { simulatorFeature } from '../features/simulator/routes';
import { staffFeature } from '../features/staff/routes';
import { subscriptionsFeature } from '../features/subscriptions/routes';
import { supportFeature } from '../features/support/routes';
import { termsFeature } from '../features/terms/routes';
import { webhooksFeature } from '../features/webhooks/routes';
import type { Feature } from './feature';

/** The back office's features, in the order of the main navigation; a new feature is a folder and one line here. */
export const FEATURES: readonly Feature[] = [
  dashboardFeature,
  resellersFeature,
  customersFeature,
  ordersFeature,
  subscriptionsFeature,
  billingFeature,
  termsFeature,
  supportFeature,
  catalogFeature,
  priceListsFeature,
  priceBooksFeature,
  auditFeature,
  staffFeature,
  webhooksFeature,
  partnerCenterFeature,
  simulatorFeature,
  identityFeature,
];
