/** What each audited operation did, in words (the API keeps its stable operation codes for filtering). */
const OPERATIONS: Record<string, string> = {
  'cart.add': 'Added to the cart',
  'cart.bindCustomer': 'Chose the cart’s customer',
  'cart.remove': 'Removed from the cart',
  'cart.setQuantity': 'Changed a cart quantity',
  'catalog.importPriceList': 'Imported a price list',
  'customers.create': 'Created a customer',
  'customers.update': 'Updated a customer',
  'customers.revealPortalPassword': 'Revealed a portal password',
  'identity.changePassword': 'Changed their password',
  'identity.createPasswordReset': 'Created a password reset link',
  'identity.resetPassword': 'Set a new password with a reset link',
  'identity.signIn': 'Signed in',
  'identity.signOut': 'Signed out',
  'orders.buy': 'Placed an order',
  'orders.retry': 'Retried provisioning',
  'orders.start_provisioning': 'Started provisioning',
  'orders.provisioning_succeeded': 'Provisioned an order',
  'orders.provisioning_failed': 'Provisioning failed',
  'orders.return_part': 'Recorded a partial return',
  'orders.return_all': 'Recorded a full return',
  'resellers.activationCompleted': 'Account activation completed',
  'resellers.activationRequested': 'Account activation requested',
  'resellers.create': 'Created a reseller',
  'resellers.update': 'Updated a reseller',
  'resellers.setStatus': 'Changed a reseller’s status',
  'resellers.setIdentifiers': 'Saved MPN ID and reseller domain',
  'resellers.runChecks': 'Checked identifiers with Microsoft',
  'seed.createReseller': 'Demo data: created a reseller',
  'seed.createUser': 'Demo data: created a user',
  'simulator.acceptRelationship': 'Simulator: tenant accepted an invitation',
  'simulator.savePartner': 'Simulator: saved a partner',
  'simulator.saveTenant': 'Simulator: saved a tenant',
  'staff.createUser': 'Created a user',
  'staff.updateUser': 'Updated a user',
  'support.comment': 'Commented on a case',
  'support.openCase': 'Opened a support case',
  'support.updateCase': 'Updated a support case',
  'support.regeneratePortalPassword': 'Generated a new portal password',
  'support.resendInvoice': 'Sent an invoice again',
  'support.returnLine': 'Returned seats',
  'support.unlockSignIn': 'Unlocked an account’s sign-in',
  'support.unlockSignInAddress': 'Unlocked an address’s sign-in',
  'tenants.choose': 'Chose a tenant',
  'tenants.create': 'Created a tenant at Microsoft',
  'tenants.linkConflict': 'Refused a tenant another reseller’s customer uses',
  'tenants.revealAdminPassword': 'Revealed a tenant admin password',
  'tenants.signAttestation': 'Signed the Partner-of-Record attestation',
  'terms.comment': 'Commented on a terms request',
  'terms.submit': 'Asked for terms',
  'terms.approve': 'Approved terms',
  'terms.reject': 'Rejected a terms request',
  'terms.claim': 'Took a terms request',
  'terms.request_info': 'Asked for more information',
};

/** "cameCase" or "snake_case" → "came case". */
const words = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .toLowerCase()
    .trim();

export function operationLabel(operation: string): string {
  const known = OPERATIONS[operation];
  if (known) return known;
  const sentence = words(operation);
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

export const fieldLabel = (field: string): string => words(field);

/** The operations a person can filter the trail on, by what they did. */
export const OPERATION_CHOICES = Object.entries(OPERATIONS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** What each audited kind of record is called. */
const ENTITY_TYPES: Record<string, string> = {
  Address: 'Network address',
  Cart: 'Cart',
  Customer: 'Customer',
  Login: 'Sign-in',
  Order: 'Order',
  PriceListImport: 'Price-list import',
  Reseller: 'Reseller',
  Session: 'Session',
  SimPartner: 'Simulated partner',
  SimTenant: 'Simulated tenant',
  SupportCase: 'Support case',
  TermsRequest: 'Terms request',
  User: 'User',
};

export const entityTypeLabel = (type: string): string => ENTITY_TYPES[type] ?? words(type);

export const ENTITY_TYPE_CHOICES = Object.entries(ENTITY_TYPES)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** A changed value as a person reads it: no JSON, no codes in capitals, secrets as they were redacted. */
export function valueText(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '' || value === 'null') return '—';
  const trimmed = value.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || (trimmed.startsWith('"') && trimmed.endsWith('"'))) {
    try {
      return summarise(JSON.parse(trimmed)).slice(0, 240);
    } catch {
      return value;
    }
  }
  if (value === 'true' || value === 'false') return value === 'true' ? 'yes' : 'no';
  return /^[A-Z][A-Z_]+$/.test(value) ? words(value) : value;
}

function summarise(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(summarise).join('; ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // A check or verdict: its name and outcome.
    if (typeof record.code === 'string' && typeof record.status === 'string')
      return `${words(record.code)}: ${words(record.status)}`;
    return Object.entries(record)
      .map(([key, inner]) => `${words(key)}: ${summarise(inner)}`)
      .join(', ');
  }
  if (typeof value === 'string') return /^[A-Z][A-Z_]+$/.test(value) ? words(value) : value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
