import { printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../app.js';
import { createSchema } from '../schema.js';
import { createTestApp, TestClient, type TestApp } from '../test-support/test-app.js';
import { toyModule } from '../test-support/toy-context/index.js';
import { demo, seedUsers } from '../test-support/users.js';
import { migrationsOf } from './module.js';

describe('a context is a module: a new one is its folder plus one line in the module list', () => {
  let t: TestApp;
  let server: TestClient;
  const as = new Map<string, TestClient>();

  beforeAll(async () => {
    t = await createTestApp({}, { modules: [...MODULES, toyModule] });
    await seedUsers(t.app);
    server = await TestClient.start(t.app);
    for (const role of ['admin', 'staff', 'support', 'credit', 'reseller'] as const) {
      const client = server.fork();
      await client.signIn(demo(role).email, demo(role).password);
      as.set(role, client);
    }
    as.set('anonymous', server.fork());
  });
  afterAll(async () => {
    await server?.stop();
    await t?.close();
  });

  it('runs the module’s migration with the others and maps its entity', async () => {
    const applied: { name: string }[] = await t.app.db.read.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.at(-1)?.name).toBe('ToyTable1900000000000');
    expect(t.app.db.read.connection.hasMetadata('ToyEntity')).toBe(true);
  });

  it('puts its query and mutation in the schema; the shipped schema stays without them', async () => {
    const withToys = printSchema(await createSchema([...MODULES, toyModule]));
    expect(withToys).toMatch(/toys: \[Toy!\]!/);
    expect(withToys).toMatch(/addToy\(name: ShortText!\): Toy!/);
    expect(printSchema(await createSchema())).not.toMatch(/\bToy\b/);
  });

  it('authorises its operations by the permissions it declares, admin holding every one', async () => {
    const add = async (role: string) =>
      (await as.get(role)!.gql('mutation { addToy(name: "Kite") { id } }')).errors?.[0]?.extensions?.code ?? 'OK';
    const read = async (role: string) =>
      (await as.get(role)!.gql('{ toys { name } }')).errors?.[0]?.extensions?.code ?? 'OK';
    expect(
      Object.fromEntries(
        await Promise.all(
          ['admin', 'staff', 'support', 'credit', 'reseller', 'anonymous'].map(async (role) => [role, await add(role)]),
        ),
      ),
    ).toEqual({
      admin: 'OK',
      staff: 'OK',
      support: 'FORBIDDEN',
      credit: 'FORBIDDEN',
      reseller: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    });
    expect(
      Object.fromEntries(
        await Promise.all(
          ['admin', 'staff', 'support', 'credit', 'reseller', 'anonymous'].map(async (role) => [
            role,
            await read(role),
          ]),
        ),
      ),
    ).toEqual({
      admin: 'OK',
      staff: 'OK',
      support: 'OK',
      credit: 'FORBIDDEN',
      reseller: 'OK',
      anonymous: 'UNAUTHENTICATED',
    });
  });

  it('runs its job through the shared job queue', async () => {
    const toys = async () => (await as.get('staff')!.gql('{ toys { name painted } }')).data?.toys;
    expect(await toys()).toEqual([
      { name: 'Kite', painted: false },
      { name: 'Kite', painted: false },
    ]);
    await t.app.jobs.runDue();
    expect(await toys()).toEqual([
      { name: 'Kite', painted: true },
      { name: 'Kite', painted: true },
    ]);
  });

  it('orders every module’s migrations by their timestamp', () => {
    const named = (name: string) => Object.defineProperty(class {}, 'name', { value: name }) as never;
    const order = migrationsOf([
      { name: 'b', migrations: [named('Later1900000000002')] },
      { name: 'a', migrations: [named('Earlier1900000000001')] },
    ]);
    expect(order.map((m) => m.name)).toEqual(['Earlier1900000000001', 'Later1900000000002']);
  });
});
