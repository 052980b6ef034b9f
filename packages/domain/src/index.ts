// The marketplace's business rules, pure: no I/O, no frameworks. Each rule answers with a verdict
// (allowed, or denied with a stable code, a reason and the fix) — never a bare boolean, never a throw
// for an expected "no". Rule numbers (R1–R25) are described, with their sources, in docs/rules.md.

// Verdicts and outcomes; finite state machines.
export * from './verdict.js';
export * from './state-machine.js';
// Money in integer minor units with currency: parsing, arithmetic, prorating.
export * from './money.js';
// Customer and price segments; a cart fits a customer (R3, R20).
export * from './segments.js';
// Catalog vocabulary: terms, billing plans, price-list values.
export * from './catalog.js';
// Links to Microsoft that fix a failed check (R21 universal authorisation link, sign-ups, enrolment).
export * from './links.js';
// Tenant domains: new (R14), existing, the reseller's own (R9); suggestions.
export * from './tenant-domains.js';
// Partner identifiers and the four pre-purchase checks (R9, R10, R25).
export * from './partner-identifiers.js';
// Tenant choice under the segment rules (R11, R12, R15, R20, R21).
export * from './tenant-choice.js';
// Customer portal access: logins, passwords (R8).
export * from './customer-access.js';
// End customers: segment, address, administrative contact, portal login (R5–R8).
export * from './customers.js';
// Field validation of contacts: email, phone, required text.
export * from './contact.js';
// Terms requests: fields, state machine, answer window, approval, credit (R2, R23).
export * from './terms-requests.js';
// Orders: state machine, SO numbers, payment decision, quantities (R4, R16–R19).
export * from './orders.js';
// Returns: Microsoft's NCE cancellation windows and prorated refunds (R24).
export * from './returns.js';
// Calendar months that end on the last day of a shorter month.
export * from './calendar.js';
// Subscriptions after Buy: lifecycle, seat batches and their windows, renewal, changes (S1–S17).
export * from './subscriptions.js';
export * from './subscription-changes.js';
export * from './upgrades.js';
export * from './promotions.js';
// What users may be emailed about, and when reminders are due.
export * from './notifications.js';
// Addresses validated and normalised by country (R7).
export * from './address.js';
// Reseller accounts: fields, whether they may buy (R1), check staleness (R10).
export * from './resellers.js';
// Sign-in password policy.
export * from './passwords.js';
// Purchase readiness: every unmet prerequisite at once (R1, R9, R10, R13, R16, R17).
export * from './readiness.js';
// Support cases: the statuses a case may move between (R24).
export * from './support-cases.js';
// The cart's and the price-list import's lifecycles (R4, R18).
export * from './lifecycles.js';
export * from './price-books.js';
export * from './spreadsheet.js';
export * from './reconciliation.js';
export * from './monthly-invoices.js';
export * from './revenue.js';
export * from './webhooks.js';
export * from './drift.js';
