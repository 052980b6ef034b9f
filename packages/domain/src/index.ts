// The marketplace's business rules, pure. Each module answers with verdicts (see verdict.ts).

// Verdicts and outcomes: allowed/denied with code, reason and fix.
export * from './verdict.js';
// Money in integer minor units with currency; parsing, arithmetic, prorating.
export * from './money.js';
// Customer and price segments (R3, R20).
export * from './segments.js';
// Catalog vocabulary: terms, billing plans, price-list values.
export * from './catalog.js';
