import type { App } from '../app.js';
import { DEMO_USERS, seedDemoData } from '../scripts/demo-data.js';

export { DEMO_USERS };

/** The demo users (one per role and a reseller user), without the price list. */
export async function seedUsers(app: App): Promise<void> {
  await seedDemoData(app, { priceRows: 1 });
}

export const demo = (role: 'admin' | 'staff' | 'credit' | 'support' | 'reseller') => {
  const user = DEMO_USERS.find((u) => (u.roles || 'reseller') === role)!;
  return { email: user.email, password: user.password };
};
