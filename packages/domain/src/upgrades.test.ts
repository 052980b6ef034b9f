import { describe, expect, it } from 'vitest';
import { isUpgrade, upgradeProductTitles } from './upgrades.js';

const item = (productId: string, productTitle: string, skuTitle: string) => ({ productId, productTitle, skuTitle });

describe('S13: upgrade paths', () => {
  const basic = item('B', 'Microsoft 365 Business Basic', 'Microsoft 365 Business Basic');
  const standard = item('S', 'Microsoft 365 Business Standard', 'Microsoft 365 Business Standard');
  const premiumNoTeams = item('P', 'Microsoft 365 Business Premium', 'Microsoft 365 Business Premium (no Teams)');
  const exchange1 = item('X', 'Exchange Online', 'Exchange Online (Plan 1)');
  const exchange2 = item('X', 'Exchange Online', 'Exchange Online (Plan 2)');
  const kiosk = item('X', 'Exchange Online', 'Exchange Online Kiosk');

  it('goes up a product ladder, keeping the variant', () => {
    expect(isUpgrade(basic, standard)).toBe(true);
    expect(isUpgrade(basic, item('P', 'Microsoft 365 Business Premium', 'Microsoft 365 Business Premium'))).toBe(true);
    expect(isUpgrade(basic, premiumNoTeams)).toBe(false);
    expect(upgradeProductTitles(basic)).toEqual(['Microsoft 365 Business Standard', 'Microsoft 365 Business Premium']);
  });

  it('goes up a plan within a product', () => {
    expect(isUpgrade(exchange1, exchange2)).toBe(true);
    expect(isUpgrade(exchange1, kiosk)).toBe(false);
  });

  it('never goes down, and knows no path for what no ladder names', () => {
    expect(isUpgrade(standard, basic)).toBe(false);
    expect(isUpgrade(exchange2, exchange1)).toBe(false);
    expect(isUpgrade(exchange1, exchange1)).toBe(false);
    expect(upgradeProductTitles(item('W', 'Windows Server 2025 Datacenter', 'x'))).toEqual([]);
  });
});
