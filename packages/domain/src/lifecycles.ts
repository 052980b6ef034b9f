import { transition, type Transitions } from './state-machine.js';

/** R4, R18: a cart is open until Buy checks it out; a checked-out cart is the order's record and never reopens. */
export const CART_STATES = ['OPEN', 'CHECKED_OUT'] as const;
export type CartState = (typeof CART_STATES)[number];
export const CART_EVENTS = ['CHECK_OUT'] as const;
export type CartEvent = (typeof CART_EVENTS)[number];

export const CART_TRANSITIONS: Transitions<CartState, CartEvent> = {
  OPEN: { CHECK_OUT: 'CHECKED_OUT' },
  CHECKED_OUT: {},
};

const CART_WORDS: Record<CartState, string> = { OPEN: 'the cart is open', CHECKED_OUT: 'the cart was checked out' };

export const nextCartState = (from: CartState, event: CartEvent) =>
  transition(CART_TRANSITIONS, from, event, (state) => CART_WORDS[state]);

/**
 * A price-list import runs until the whole file is merged or refused. A run cut short (the process stopped)
 * starts again from its first row: staging is all-or-nothing, so a restart never applies half a file.
 */
export const IMPORT_STATES = ['RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];
export const IMPORT_EVENTS = ['RESTART', 'MERGE', 'FAIL'] as const;
export type ImportEvent = (typeof IMPORT_EVENTS)[number];

export const IMPORT_TRANSITIONS: Transitions<ImportState, ImportEvent> = {
  RUNNING: { RESTART: 'RUNNING', MERGE: 'SUCCEEDED', FAIL: 'FAILED' },
  SUCCEEDED: {},
  FAILED: {},
};

const IMPORT_WORDS: Record<ImportState, string> = {
  RUNNING: 'the import is running',
  SUCCEEDED: 'the import has been merged',
  FAILED: 'the import has failed',
};

export const nextImportState = (from: ImportState, event: ImportEvent) =>
  transition(IMPORT_TRANSITIONS, from, event, (state) => IMPORT_WORDS[state]);
