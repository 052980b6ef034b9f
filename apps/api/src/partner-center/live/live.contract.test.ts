import { afterAll, beforeAll } from 'vitest';
import { FakePartnerCenter } from '../../test-support/fake-partner-center.js';
import { partnerCenterContract, type ContractWorld } from '../partner-center.contract.js';
import { liveAgainst } from './live-test-support.js';

let fake: FakePartnerCenter;
let world: ContractWorld;

beforeAll(async () => {
  fake = await new FakePartnerCenter().start();
  const { partnerCenter } = liveAgainst(fake);
  world = {
    pc: partnerCenter,
    addReseller: async (mpnId, companyName) => {
      fake.partners.set(mpnId, { partnerName: companyName, agreementSigned: true });
      fake.indirectResellers.set(mpnId, { id: crypto.randomUUID(), name: companyName, state: 'Active' });
    },
    takeDomain: async (domain) => void fake.takenDomains.add(domain),
    settle: () => undefined,
    product: { productId: 'CFQ7TTC0LH18', skuId: '0001' },
    upgrade: { productId: 'CFQ7TTC0LDPB', skuId: '0001' },
  };
  fake.availabilities.set('CFQ7TTC0LH18:0001', { availabilityId: 'CFQ7TTC0K5DM', terms: ['P1M', 'P1Y'] });
  fake.availabilities.set('CFQ7TTC0LDPB:0001', { availabilityId: 'CFQ7TTC0K8P5', terms: ['P1M', 'P1Y'] });
});
afterAll(async () => {
  await fake.stop();
});

partnerCenterContract('the live adapter against a fake Partner Center', () => world);
