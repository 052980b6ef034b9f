import { seededRandom } from '../platform/seeded-random.js';
import { PRICE_LIST_COLUMNS } from './price-list-row.js';

/**
 * A deterministic, realistic-looking NCE price list: Microsoft 365, Office 365, Dynamics 365, Windows,
 * security and Power Platform subscriptions plus perpetual software, over all segments, terms, billing
 * plans and three markets. Same options, same bytes.
 */
export interface SampleOptions {
  /** Roughly how many price rows to write; the default gives ~30,000. */
  targetRows?: number;
  seed?: number;
  effectiveStart?: string;
}

const FAMILIES: {
  title: string;
  publisher?: string;
  monthly: number;
  perpetual?: boolean;
  /** Microsoft offers a free trial of the base product (a "<title> Trial" SKU, tagged Trial). */
  trial?: boolean;
  variants: string[];
}[] = [
  {
    title: 'Microsoft 365 E3',
    monthly: 36,
    trial: true,
    variants: ['', '(no Teams)', 'EEA (no Teams)', 'Unattended License'],
  },
  { title: 'Microsoft 365 E5', monthly: 57, variants: ['', '(no Teams)', 'EEA (no Teams)', 'Security', 'Compliance'] },
  { title: 'Microsoft 365 F3', monthly: 8, variants: ['', '(no Teams)'] },
  { title: 'Microsoft 365 Business Basic', monthly: 6, trial: true, variants: ['', '(no Teams)', 'EEA (no Teams)'] },
  {
    title: 'Microsoft 365 Business Standard',
    monthly: 12.5,
    trial: true,
    variants: ['', '(no Teams)', 'EEA (no Teams)'],
  },
  { title: 'Microsoft 365 Business Premium', monthly: 22, trial: true, variants: ['', '(no Teams)', 'EEA (no Teams)'] },
  { title: 'Microsoft 365 Apps for business', monthly: 8.25, variants: ['', 'Extra Storage'] },
  { title: 'Microsoft 365 Apps for enterprise', monthly: 12, variants: ['', 'Device'] },
  { title: 'Microsoft 365 Copilot', monthly: 30, variants: ['', 'Business', 'Chat'] },
  { title: 'Office 365 E1', monthly: 10, variants: ['', '(no Teams)', 'EEA (no Teams)'] },
  { title: 'Office 365 E3', monthly: 23, variants: ['', '(no Teams)', 'EEA (no Teams)'] },
  { title: 'Office 365 E5', monthly: 38, variants: ['', '(no Teams)', 'EEA (no Teams)'] },
  { title: 'Exchange Online', monthly: 4, variants: ['(Plan 1)', '(Plan 2)', 'Kiosk', 'Archiving', 'Protection'] },
  { title: 'SharePoint Online', monthly: 5, variants: ['(Plan 1)', '(Plan 2)', 'Storage'] },
  { title: 'OneDrive for business', monthly: 5, variants: ['(Plan 1)', '(Plan 2)'] },
  {
    title: 'Microsoft Teams',
    monthly: 4,
    variants: ['Essentials', 'Enterprise', 'Premium', 'Rooms Pro', 'Phone Standard', 'Audio Conferencing'],
  },
  { title: 'Microsoft Entra ID', monthly: 6, variants: ['P1', 'P2', 'Governance'] },
  { title: 'Microsoft Intune', monthly: 8, variants: ['Plan 1', 'Suite', 'Remote Help', 'Advanced Analytics'] },
  { title: 'Microsoft Defender for Endpoint', monthly: 5, variants: ['P1', 'P2', 'Server'] },
  { title: 'Microsoft Defender for Office 365', monthly: 2, variants: ['(Plan 1)', '(Plan 2)'] },
  { title: 'Microsoft Defender for Business', monthly: 3, variants: ['', 'Servers'] },
  { title: 'Microsoft Purview', monthly: 12, variants: ['Suite', 'eDiscovery', 'Insider Risk'] },
  { title: 'Power BI', monthly: 14, variants: ['Pro', 'Premium Per User'] },
  { title: 'Power Apps', monthly: 20, variants: ['Premium', 'Per App'] },
  { title: 'Power Automate', monthly: 15, variants: ['Premium', 'Process', 'Hosted Process'] },
  { title: 'Power Pages', monthly: 200, variants: ['Authenticated Users', 'Anonymous Users'] },
  { title: 'Project', monthly: 10, variants: ['Plan 1', 'Plan 3', 'Plan 5'] },
  { title: 'Visio', monthly: 5, variants: ['Plan 1', 'Plan 2'] },
  { title: 'Windows 11 Enterprise', monthly: 7, variants: ['E3', 'E5', 'E3 VDA'] },
  { title: 'Windows 365 Business', monthly: 31, variants: ['2vCPU 4GB 128GB', '2vCPU 8GB 128GB', '4vCPU 16GB 256GB'] },
  {
    title: 'Windows 365 Enterprise',
    monthly: 35,
    variants: ['2vCPU 4GB 128GB', '2vCPU 8GB 128GB', '4vCPU 16GB 256GB', '8vCPU 32GB 512GB'],
  },
  { title: 'Dynamics 365 Sales', monthly: 105, variants: ['Professional', 'Enterprise', 'Premium'] },
  { title: 'Dynamics 365 Customer Service', monthly: 105, variants: ['Professional', 'Enterprise', 'Premium'] },
  { title: 'Dynamics 365 Field Service', monthly: 105, variants: ['', 'Contractor'] },
  {
    title: 'Dynamics 365 Business Central',
    monthly: 80,
    variants: ['Essentials', 'Premium', 'Team Members', 'Device'],
  },
  { title: 'Dynamics 365 Finance', monthly: 210, variants: ['', 'Attach'] },
  { title: 'Dynamics 365 Supply Chain Management', monthly: 210, variants: ['', 'Attach'] },
  { title: 'Dynamics 365 Human Resources', monthly: 135, variants: ['', 'Self Service'] },
  { title: 'Dynamics 365 Team Members', monthly: 8, variants: [''] },
  { title: 'Microsoft Copilot Studio', monthly: 200, variants: ['', 'Messages Add-on'] },
  { title: 'Microsoft Viva', monthly: 12, variants: ['Suite', 'Learning', 'Insights', 'Goals', 'Engage'] },
  { title: 'Microsoft Stream', monthly: 3, variants: ['Storage Add-On'] },
  { title: 'Microsoft Bookings', monthly: 2, variants: [''] },
  { title: 'Office LTSC Professional Plus 2024', monthly: 550, perpetual: true, variants: ['', 'Education'] },
  { title: 'Office LTSC Standard 2024', monthly: 420, perpetual: true, variants: [''] },
  { title: 'Office Home & Business 2024', monthly: 250, perpetual: true, variants: ['', 'Mac'] },
  { title: 'Project Professional 2024', monthly: 1300, perpetual: true, variants: [''] },
  { title: 'Visio LTSC Professional 2024', monthly: 580, perpetual: true, variants: [''] },
  {
    title: 'Windows Server 2025 Standard',
    monthly: 1070,
    perpetual: true,
    variants: ['- 2 Core License Pack', '- 16 Core License Pack', 'CAL - 1 User', 'CAL - 1 Device'],
  },
  {
    title: 'Windows Server 2025 Datacenter',
    monthly: 6150,
    perpetual: true,
    variants: ['- 2 Core License Pack', '- 16 Core License Pack'],
  },
  {
    title: 'Windows Server 2025 Remote Desktop Services',
    monthly: 190,
    perpetual: true,
    variants: ['CAL - 1 User', 'CAL - 1 Device', 'External Connector'],
  },
  {
    title: 'SQL Server 2022 Standard',
    monthly: 3900,
    perpetual: true,
    variants: ['- 2 Core License Pack', 'Edition', 'CAL - 1 User'],
  },
  { title: 'SQL Server 2022 Enterprise', monthly: 14900, perpetual: true, variants: ['- 2 Core License Pack'] },
  {
    title: 'Exchange Server Subscription Edition',
    monthly: 800,
    perpetual: true,
    variants: ['Standard', 'Enterprise', 'CAL'],
  },
  { title: 'SharePoint Server Subscription Edition', monthly: 7000, perpetual: true, variants: ['', 'CAL'] },
];

/** Later passes over the families, so the list reaches its target size with plausible product names. */
const EDITIONS = ['', ' Step Up', ' Add-on', ' for Frontline Workers', ' Extended'];

const MARKETS = [
  { market: 'US', currency: 'USD', rate: 1 },
  { market: 'GB', currency: 'GBP', rate: 0.79 },
  { market: 'DE', currency: 'EUR', rate: 0.93 },
];

const SEGMENTS = [
  { segment: 'Commercial', factor: 1 },
  { segment: 'Education', factor: 0.42 },
  { segment: 'Charity', factor: 0.75 },
];

/** Term, billing plan and how many monthly prices one billing period costs (NCE: monthly term costs 20% more). */
const SUBSCRIPTION_PLANS = [
  { term: 'P1M', plan: 'Monthly', months: 1, premium: 1.2 },
  { term: 'P1Y', plan: 'Monthly', months: 1, premium: 1 },
  { term: 'P1Y', plan: 'Annual', months: 12, premium: 1 },
  { term: 'P3Y', plan: 'Monthly', months: 1, premium: 1 },
  { term: 'P3Y', plan: 'Annual', months: 12, premium: 1 },
  { term: 'P3Y', plan: 'Triennial', months: 36, premium: 1 },
];

const csvField = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

const productId = (index: number): string => `CFQ7TTC0${index.toString(36).toUpperCase().padStart(4, '0')}`;

const cents = (amount: number): string => amount.toFixed(2);

/** Lines of the CSV, header first, each without its line break. */
export function* samplePriceListLines(options: SampleOptions = {}): Generator<string> {
  const next = seededRandom(options.seed ?? 20261124);
  // In effect for the demo story's year of history and before.
  const start = options.effectiveStart ?? '2025-01-01';
  const target = options.targetRows ?? 30_000;
  yield PRICE_LIST_COLUMNS.join(',');
  let rows = 0;
  let productIndex = 0;
  for (let edition = 0; rows < target; edition += 1) {
    for (const family of FAMILIES) {
      if (rows >= target) return;
      productIndex += 1;
      const title = `${family.title}${EDITIONS[edition % EDITIONS.length]}${edition >= EDITIONS.length ? ` ${Math.floor(edition / EDITIONS.length) + 1}` : ''}`;
      const skuCount = family.variants.length;
      const base = family.monthly * (0.85 + next() * 0.3);
      for (let s = 0; s < skuCount && rows < target; s += 1) {
        const variant = family.variants[s] ?? '';
        const skuTitle = variant ? `${title} ${variant}` : title;
        const skuPrice = base * (1 + s * 0.15);
        const plans = family.perpetual ? [{ term: '', plan: 'OneTime', months: 1, premium: 1 }] : SUBSCRIPTION_PLANS;
        const changed = next() < 0.05;
        for (const segment of SEGMENTS) {
          for (const market of MARKETS) {
            for (const plan of plans) {
              const unit = skuPrice * segment.factor * market.rate * plan.premium * plan.months;
              const line = [
                changed ? 'Changed' : 'Unchanged',
                title,
                productId(productIndex),
                String(s + 1).padStart(4, '0'),
                skuTitle,
                'Microsoft Corporation',
                `${skuTitle}: ${family.perpetual ? 'perpetual licence, one-off purchase' : 'NCE subscription, per user'}`,
                family.perpetual ? 'Licenses' : 'Licenses',
                plan.term,
                plan.plan,
                market.market,
                market.currency,
                cents(unit),
                '0',
                '',
                `${start}T00:00:00.0000000Z`,
                '',
                family.perpetual ? 'Perpetual' : 'License',
                cents(unit * 1.2),
                segment.segment,
              ];
              yield line.map(csvField).join(',');
              rows += 1;
            }
          }
        }
      }
      if (family.trial && edition === 0) {
        // S16: the trial offer of the base product: 25 seats free for a month, no other term or plan.
        const skuTitle = `${title} Trial`;
        for (const segment of SEGMENTS) {
          for (const market of MARKETS) {
            const line = [
              'Unchanged',
              title,
              productId(productIndex),
              String(skuCount + 1).padStart(4, '0'),
              skuTitle,
              'Microsoft Corporation',
              `${skuTitle}: free for 30 days, 25 users; converts to paid at its end unless auto-renew is off`,
              'Licenses',
              'P1M',
              'Monthly',
              market.market,
              market.currency,
              cents(0),
              '0',
              '',
              `${start}T00:00:00.0000000Z`,
              '',
              'Trial',
              cents(0),
              segment.segment,
            ];
            yield line.map(csvField).join(',');
            rows += 1;
          }
        }
      }
    }
  }
}
