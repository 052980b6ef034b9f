import { afterAll, beforeAll } from 'vitest';
import { systemContext } from '../platform/request-context.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { partnerCenterContract, type ContractWorld } from './partner-center.contract.js';

let t: TestApp;
let world: ContractWorld;

beforeAll(async () => {
  t = await createTestApp();
  const system = systemContext(t.app.clock, 'test:contract');
  world = {
    pc: t.app.partnerCenter,
    addReseller: async (mpnId, companyName) => {
      const saved = await t.app.simulator.savePartner(system, {
        mpnId,
        companyName,
        kind: 'LOCATION',
        cspIndirectReseller: true,
        relationshipWithDistributor: true,
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved));
    },
    takeDomain: async (domain) => {
      const saved = await t.app.simulator.saveTenant(system, {
        domain,
        companyName: 'Someone Else',
        government: false,
        relationshipAccepted: false,
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved));
    },
    settle: () => t.clock.advance(3_600_000),
    product: { productId: 'CFQ7TTC0LH18', skuId: '0001' },
    upgrade: { productId: 'CFQ7TTC0LDPB', skuId: '0001' },
  };
});
afterAll(async () => {
  await t.close();
});

partnerCenterContract('the simulator', () => world);
