import type { Principal } from './permissions.js';

/** Who is changing something: recorded in the audit trail with every change. */
export interface Actor {
  principal: Principal | null;
  requestId: string;
  ip?: string | null;
  /** Set when a staff user acts on behalf of a reseller; the audit keeps both identities. */
  onBehalfOfResellerId?: string | null;
}

/** For changes the system makes by itself (jobs, seeding, the CLI). */
export const systemActor = (requestId: string): Actor => ({ principal: null, requestId });
