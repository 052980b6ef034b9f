/** The API's permission names (Me.permissions); the SPA shows only what they allow. */
export const PERMISSIONS = {
  signedIn: 'signed-in',
  catalogImport: 'catalog:import',
  resellersRead: 'resellers:read',
  resellersManage: 'resellers:manage',
  simulatorManage: 'simulator:manage',
  customersRead: 'customers:read',
  customersManage: 'customers:manage',
  secretsReveal: 'secrets:reveal',
  ordersRead: 'orders:read',
  ordersManage: 'orders:manage',
  termsReview: 'terms:review',
  termsSubmit: 'terms:submit',
  creditLimitsRead: 'credit-limits:read',
  supportCases: 'support:cases',
  casesOpen: 'cases:open',
  staffManage: 'staff:manage',
  auditRead: 'audit:read',
  subscriptionsRead: 'subscriptions:read',
  subscriptionsManage: 'subscriptions:manage',
  billingReconcile: 'billing:reconcile',
  billingClose: 'billing:close',
  reportsRead: 'reports:read',
  pricingManage: 'pricing:manage',
  webhooksManage: 'webhooks:manage',
} as const;

export type PermissionName = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];
