import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { backoffMs, JOB_LEASE_MS, JobQueue, recurringKey } from './job-queue.js';
import { JobEntity } from './job.entity.js';

describe('durable job queue', () => {
  let t: TestApp;
  let queue: JobQueue;
  const runs: string[] = [];
  beforeEach(async () => {
    t = await createTestApp();
    queue = new JobQueue(t.app.db, t.clock, pino({ level: 'silent' }));
    runs.length = 0;
    queue.register('test.echo', async (payload) => void runs.push(String(payload.value)));
  });
  afterEach(() => t.close());

  const job = async (key: string) => t.app.db.read.findOneByOrFail(JobEntity, { key });

  it('runs a job only when due, once', async () => {
    await t.app.db.transaction((m) =>
      queue.enqueue(
        m,
        'test.echo',
        { value: 'later' },
        { key: 'a', runAt: new Date(t.clock.now().getTime() + 60_000) },
      ),
    );
    expect(await queue.runDue()).toBe(0);
    t.clock.advance(60_000);
    expect(await queue.runDue()).toBe(1);
    expect(await queue.runDue()).toBe(0);
    expect(runs).toEqual(['later']);
    expect(await job('a')).toMatchObject({ status: 'DONE', attempts: 1 });
  });

  it('queues many jobs at once, each with its payload, skipping keys already queued', async () => {
    await t.app.db.transaction((m) => queue.enqueue(m, 'test.echo', { value: 'first' }, { key: 'many-0' }));
    const jobs = Array.from({ length: 600 }, (_, i) => ({
      payload: { value: `v${i}` },
      options: { key: `many-${i}` },
    }));
    await t.app.db.transaction((m) => queue.enqueueMany(m, 'test.echo', jobs));
    expect(await t.app.db.read.countBy(JobEntity, { kind: 'test.echo' })).toBe(600);
    // The backlog a paced producer waits on (the renewal scan): counted up to a bound, per kind.
    expect(await queue.pending('test.echo', 250)).toBe(250);
    expect(await queue.pending('test.echo', 10_000)).toBe(600);
    expect(await queue.pending('test.other', 10)).toBe(0);
    expect(await queue.runDue(1000)).toBe(600);
    expect(await queue.pending('test.echo', 10)).toBe(0);
    // The key queued before keeps its own payload; the others run with theirs, once each.
    expect(runs).toContain('first');
    expect(runs).not.toContain('v0');
    expect(new Set(runs).size).toBe(600);
    expect(runs).toContain('v599');
  });

  it('gives way to requests: while the process answers some, one arriving during a job is served before the next', async () => {
    let serving = true;
    queue.giveWayWhile(() => serving);
    queue.register('test.busy', async (payload) => {
      runs.push(String(payload.value));
      // A request arrives while the first job runs; its next step waits on a timer.
      if (runs.length === 1)
        setTimeout(() => {
          runs.push('request');
          serving = false;
        }, 0);
    });
    await t.app.db.transaction(async (m) => {
      for (const value of ['1', '2', '3']) await queue.enqueue(m, 'test.busy', { value }, { key: `way-${value}` });
    });
    expect(await queue.runDue()).toBe(3);
    expect(runs).toHaveLength(4);
    expect(runs[1]).toBe('request');
  });

  it('runs recurring work every interval from one row, on time again after a failure, and due at once at start', async () => {
    let failNext = false;
    queue.every('test.tick', 60_000, async () => {
      runs.push('tick');
      if (failNext) throw new Error('the disk is gone');
    });
    expect(await queue.runDue()).toBe(0);
    await queue.scheduleRecurring();
    expect(await queue.runDue()).toBe(1);
    expect(await queue.runDue()).toBe(0);
    t.clock.advance(59_000);
    expect(await queue.runDue()).toBe(0);
    t.clock.advance(1_000);
    failNext = true;
    expect(await queue.runDue()).toBe(1);
    // Failed: not retried with backoff nor given up, but due again one interval later, with the error kept.
    expect(await job(recurringKey('test.tick'))).toMatchObject({
      status: 'PENDING',
      attempts: 0,
      lastError: 'the disk is gone',
    });
    failNext = false;
    t.clock.advance(60_000);
    expect(await queue.runDue()).toBe(1);
    expect(await job(recurringKey('test.tick'))).toMatchObject({ status: 'PENDING', lastError: null });
    // A restart makes it due at once, and still one row.
    await queue.scheduleRecurring();
    expect(await queue.runDue()).toBe(1);
    expect(runs).toEqual(['tick', 'tick', 'tick', 'tick']);
    expect(await t.app.db.read.countBy(JobEntity, { kind: 'test.tick' })).toBe(1);
  });

  it('keeps one job per key', async () => {
    await t.app.db.transaction(async (m) => {
      await queue.enqueue(m, 'test.echo', { value: 'first' }, { key: 'same' });
      await queue.enqueue(m, 'test.echo', { value: 'second' }, { key: 'same' });
    });
    await queue.runDue();
    expect(runs).toEqual(['first']);
  });

  it('never runs a job whose transaction rolled back', async () => {
    await expect(
      t.app.db.transaction(async (m) => {
        await queue.enqueue(m, 'test.echo', { value: 'ghost' }, { key: 'ghost' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await queue.runDue()).toBe(0);
    expect(runs).toEqual([]);
  });

  it("marks a job done in the handler's own transaction when the handler asks, and not when that transaction rolls back", async () => {
    const written: string[] = [];
    queue.register('test.inline', async (payload, _job, done) => {
      await t.app.db.transaction(async (m) => {
        written.push(String(payload.value));
        await done(m);
        if (payload.value === 'undone') throw new Error('the work failed after marking');
      });
    });
    await t.app.db.transaction(async (m) => {
      await queue.enqueue(m, 'test.inline', { value: 'kept' }, { key: 'inline-kept' });
      await queue.enqueue(m, 'test.inline', { value: 'undone' }, { key: 'inline-undone', maxAttempts: 2 });
    });
    await queue.runDue();
    expect(await job('inline-kept')).toMatchObject({ status: 'DONE', attempts: 1, lockedUntil: null });
    expect((await job('inline-kept')).finishedAt).not.toBeNull();
    // Its transaction rolled back, so the mark did too: the job failed this attempt and waits to run again.
    expect(await job('inline-undone')).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastError: 'the work failed after marking',
    });
    // Jobs due at the same instant run in no promised order.
    expect(written.sort()).toEqual(['kept', 'undone']);
  });

  it('retries a failing job with growing delays and marks it failed after its last attempt', async () => {
    let calls = 0;
    queue.register('test.flaky', async () => {
      calls += 1;
      throw new Error(`attempt ${calls} failed`);
    });
    await t.app.db.transaction((m) => queue.enqueue(m, 'test.flaky', {}, { key: 'flaky', maxAttempts: 3 }));
    await queue.runDue();
    expect(await job('flaky')).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'attempt 1 failed' });
    expect(await queue.runDue()).toBe(0);
    t.clock.advance(backoffMs(1));
    await queue.runDue();
    t.clock.advance(backoffMs(2));
    await queue.runDue();
    expect(await job('flaky')).toMatchObject({ status: 'FAILED', attempts: 3, lastError: 'attempt 3 failed' });
    expect(backoffMs(2)).toBeGreaterThan(backoffMs(1));
  });

  it('takes over a job whose worker died mid-run once its lease has expired', async () => {
    await t.app.db.transaction((m) => queue.enqueue(m, 'test.echo', { value: 'resumed' }, { key: 'orphan' }));
    // A worker claimed it and then the process died: RUNNING with a lease, never finished.
    await t.app.db.transaction((m) =>
      m.update(
        JobEntity,
        { key: 'orphan' },
        {
          status: 'RUNNING',
          attempts: 1,
          lockedBy: 'dead-worker',
          lockedUntil: new Date(t.clock.now().getTime() + JOB_LEASE_MS).toISOString(),
        },
      ),
    );
    expect(await queue.runDue()).toBe(0);
    t.clock.advance(JOB_LEASE_MS + 1);
    expect(await queue.runDue()).toBe(1);
    expect(runs).toEqual(['resumed']);
    expect(await job('orphan')).toMatchObject({ status: 'DONE', attempts: 2, lockedBy: queue.workerId });
  });

  it('lets only one of two workers claim a job', async () => {
    const other = new JobQueue(t.app.db, t.clock, pino({ level: 'silent' }));
    other.register('test.echo', async (payload) => void runs.push(`other:${payload.value}`));
    await t.app.db.transaction((m) => queue.enqueue(m, 'test.echo', { value: 'once' }, { key: 'race' }));
    const [a, b] = await Promise.all([queue.runDue(), other.runDue()]);
    expect(a + b).toBe(1);
    expect(runs).toHaveLength(1);
  });

  it('claims several due jobs at once and keeps the lease of those still waiting their turn behind a long one', async () => {
    const LEASE = 300;
    const slow = new JobQueue(t.app.db, t.clock, pino({ level: 'silent' }), LEASE);
    let finish!: () => void;
    const order: string[] = [];
    const started = new Promise<void>((resolve) =>
      slow.register('test.batch', async (payload) => {
        order.push(String(payload.value));
        if (payload.value === 'first') return (resolve(), new Promise<void>((done) => (finish = done)));
      }),
    );
    const other = new JobQueue(t.app.db, t.clock, pino({ level: 'silent' }), LEASE);
    other.register('test.batch', async (payload) => void runs.push(`taken over: ${payload.value}`));
    await t.app.db.transaction((m) => slow.enqueue(m, 'test.batch', { value: 'first' }, { key: 'batch-1' }));
    t.clock.advance(1);
    await t.app.db.transaction((m) => slow.enqueue(m, 'test.batch', { value: 'second' }, { key: 'batch-2' }));
    const running = slow.runDue();
    await started;
    // The second job was claimed with the first: it is RUNNING, leased to this worker, though not started.
    expect(await job('batch-2')).toMatchObject({ status: 'RUNNING', lockedBy: slow.workerId, attempts: 1 });
    for (let i = 0; i < 4; i += 1) {
      t.clock.advance(LEASE / 2);
      await new Promise((resolve) => setTimeout(resolve, LEASE / 2));
      expect(await other.runDue()).toBe(0);
    }
    finish();
    expect(await running).toBe(2);
    expect(order).toEqual(['first', 'second']);
    expect(runs).toEqual([]);
    expect(await job('batch-2')).toMatchObject({ status: 'DONE', attempts: 1, lockedBy: slow.workerId });
  });

  it('renews the lease of a job that runs long, so no other worker takes it over meanwhile', async () => {
    const LEASE = 300;
    const slow = new JobQueue(t.app.db, t.clock, pino({ level: 'silent' }), LEASE);
    let finish!: () => void;
    const started = new Promise<void>((resolve) =>
      slow.register('test.slow', () => (resolve(), new Promise<void>((done) => (finish = done)))),
    );
    const other = new JobQueue(t.app.db, t.clock, pino({ level: 'silent' }), LEASE);
    other.register('test.slow', async () => void runs.push('taken over'));
    await t.app.db.transaction((m) => slow.enqueue(m, 'test.slow', {}, { key: 'long' }));
    const running = slow.runDue();
    await started;
    for (let i = 0; i < 4; i += 1) {
      t.clock.advance(LEASE / 2);
      await new Promise((resolve) => setTimeout(resolve, LEASE / 2)); // a renewal every third of the lease
      expect(await other.runDue()).toBe(0);
    }
    finish();
    expect(await running).toBe(1);
    expect(runs).toEqual([]);
    expect(await job('long')).toMatchObject({ status: 'DONE', attempts: 1, lockedBy: slow.workerId });
  });

  it('runs a long job beside the others in the background worker: jobs claimed after it do not wait for it', async () => {
    const LEASE = 300;
    const worker = new JobQueue(t.app.db, t.clock, pino({ level: 'silent' }), LEASE);
    let finish!: () => void;
    worker.register('test.long', () => new Promise<void>((done) => (finish = done)), { long: true });
    worker.register('test.echo', async (payload) => void runs.push(String(payload.value)));
    const other = new JobQueue(t.app.db, t.clock, pino({ level: 'silent' }), LEASE);
    other.register('test.long', async () => void runs.push('taken over'));
    await t.app.db.transaction(async (m) => {
      await worker.enqueue(m, 'test.long', {}, { key: 'import' });
      t.clock.advance(1);
      await worker.enqueue(m, 'test.echo', { value: 'after the long one' }, { key: 'quick' });
    });
    worker.start(20);
    await expect.poll(async () => (await job('quick')).status).toBe('DONE');
    expect(runs).toEqual(['after the long one']);
    // The long job still runs, its lease renewed: no other worker takes it over.
    for (let i = 0; i < 3; i += 1) {
      t.clock.advance(LEASE / 2);
      await new Promise((resolve) => setTimeout(resolve, LEASE / 2));
      expect(await other.runDue()).toBe(0);
    }
    expect((await job('import')).status).toBe('RUNNING');
    // Stopping the worker waits for it.
    finish();
    await worker.stop();
    expect(await job('import')).toMatchObject({ status: 'DONE', attempts: 1, lockedBy: worker.workerId });
  });

  it('finds the jobs it claims by id however many jobs there are and whatever the statistics say', async () => {
    // SQLite's statistics gathered while one job existed made it scan every job to claim ten, and PostgreSQL
    // scanned every job for an OR of two IN lists (a renewal day of 100,000 jobs: 20 to 40 ms a claim).
    await t.app.db.transaction((m) => queue.enqueue(m, 'test.echo', { value: 'first' }, { key: 'first' }));
    await t.app.db.read.query('ANALYZE');
    // Jobs run one by one, jobs run together (their done marks in one statement) and recurring work.
    queue.register('test.together', async () => {}, {
      batch: (jobs, done) => t.app.db.transaction((m) => done(m, jobs)),
    });
    queue.every('test.tick', 60_000, async () => {});
    await queue.scheduleRecurring();
    await t.app.db.transaction(async (m) => {
      for (let i = 0; i < 50; i += 1) await queue.enqueue(m, 'test.echo', { value: String(i) }, { key: `k${i}` });
      for (let i = 0; i < 5; i += 1) await queue.enqueue(m, 'test.together', {}, { key: `t${i}` });
    });
    const seen: { sql: string; params: unknown[] }[] = [];
    const logQuery = t.app.db.statements.logger.logQuery;
    t.app.db.statements.logger.logQuery = (sql, params) => void seen.push({ sql, params: params ?? [] });
    try {
      expect(await queue.runDue(100)).toBe(57);
    } finally {
      t.app.db.statements.logger.logQuery = logQuery;
    }
    const updates = [...new Map(seen.filter((q) => /^\s*UPDATE job\b/.test(q.sql)).map((q) => [q.sql, q])).values()];
    // The claim, a done mark, the done marks of a batch, a recurring job made due again.
    expect(updates.map((q) => q.sql.match(/SET status = '(\w+)'/)?.[1]).sort()).toEqual(
      expect.arrayContaining(['DONE', 'PENDING', 'RUNNING']),
    );
    expect(updates.filter((q) => q.sql.includes("'DONE'") && q.sql.includes('IN ('))).not.toHaveLength(0);
    for (const statement of updates) {
      const plan = await t.app.db.transaction(async (m) => {
        // On fifty rows PostgreSQL would rightly scan; forbidding it shows whether the statement can use the key.
        if (t.app.db.kind === 'postgres') await m.query('SET LOCAL enable_seqscan = off');
        const rows = (await m.query(
          `${t.app.db.kind === 'postgres' ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${statement.sql}`,
          statement.params,
        )) as Record<string, string>[];
        return rows.map((r) => r.detail ?? r['QUERY PLAN']!);
      });
      expect(plan, statement.sql).not.toContainEqual(
        expect.stringMatching(/^\s*(->\s*)?(SCAN job\b|Seq Scan on job\b)/),
      );
      if (t.app.db.kind === 'sqlite')
        expect(plan[0], statement.sql).toMatch(/^SEARCH job USING .*INDEX sqlite_autoindex_job_1 \(id=\?\)/);
    }
  });
});
