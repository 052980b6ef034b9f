import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/database.js';
import { insertRows, portable, statementIn, updateReturning } from '../../db/sql.js';
import type { Clock } from '../clock.js';
import { yieldToEventLoop } from '../event-loop.js';
import { keepAlive } from '../keep-alive.js';
import type { Logger } from '../logger.js';
import { JobEntity } from './job.entity.js';

/**
 * Runs one job. A handler whose work ends in a transaction of its own may call `done(m)` in it: the
 * job is then marked done in that same commit instead of one more afterwards.
 */
export type JobHandler = (
  payload: Record<string, unknown>,
  job: JobEntity,
  done: (m: EntityManager) => Promise<void>,
) => Promise<void>;

/** One job of a batch run together: its payload and its row. */
export interface BatchedJob {
  payload: Record<string, unknown>;
  job: JobEntity;
}

/**
 * Runs several claimed jobs of one kind together, in one transaction of its own, calling `done(m, jobs)` in it for
 * the jobs it did (all of them, or the ones it could do together). The jobs it did not mark done, or all of them
 * when it throws, then run one by one with the kind's handler, so one awkward job fails only itself.
 */
export type BatchHandler = (
  jobs: readonly BatchedJob[],
  done: (m: EntityManager, jobs: readonly BatchedJob[]) => Promise<void>,
) => Promise<void>;

export interface JobHooks {
  /** Several due jobs of the kind, claimed together, run in one call (see BatchHandler). */
  batch?: BatchHandler;
  /**
   * A job that runs long (a price-list import): the background worker runs it beside the others, with a
   * lease of its own, instead of making every job claimed after it wait.
   */
  long?: boolean;
  /** After a failed attempt that will be retried. */
  onRetry?: (payload: Record<string, unknown>, error: Error, job: JobEntity) => Promise<void>;
  /** After the last attempt failed: the job will not run again. */
  onGiveUp?: (payload: Record<string, unknown>, error: Error, job: JobEntity) => Promise<void>;
  /** Recurring work (`JobQueue.every`): done or failed, the same row is due again this many ms later. */
  recurEveryMs?: number;
}

/** The key of a recurring job's one row. */
export const recurringKey = (kind: string): string => `recurring:${kind}`;

export interface EnqueueOptions {
  runAt?: Date;
  /** Enqueuing a key that exists already does nothing: one job per key, ever. */
  key?: string;
  maxAttempts?: number;
}

/**
 * How long a claimed job is ours unless renewed. A running job's lease is renewed every third of it, so a
 * long job keeps it, and the job of a worker that died (killed, machine gone) is taken over soon after.
 */
export const JOB_LEASE_MS = 30_000;

/**
 * How many due jobs one worker claims at a time. On PostgreSQL each claim walks the index entries that the jobs
 * claimed before it left behind until vacuum removes them (a renewal day leaves tens of thousands), so it claims
 * more at once there.
 */
const CLAIM_BATCH = { sqlite: 10, postgres: 50 } as const;

/**
 * How long a worker runs jobs back to back before letting requests in. Yielding after every job gave a renewal
 * day one job per event-loop turn among dozens of requests (bench/README.md, renewal day).
 */
export const JOB_SLICE_MS = 5;

/**
 * While the process is answering requests, background work runs at most about half the time: after working for a
 * while it pauses as long (up to this), so a renewal day in a serving process leaves its requests most of the process.
 */
export const GIVE_WAY_MAX_MS = 20;

/** Jobs one statement queues (13 columns each: well inside both databases' limits on parameters). */
const ENQUEUE_CHUNK = 250;

/** Retry delays: 5 s, 10 s, 20 s … capped at 10 minutes. */
export const backoffMs = (attempts: number): number => Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 600_000);

/**
 * Durable background work. Jobs are rows written in the same transaction as the change that needs
 * them, so a committed change always has its job and a rolled-back one never does. A worker claims a
 * due job with a lease; a process that dies mid-job leaves a lease that expires, and the job is run
 * again — so handlers are idempotent.
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly hooks = new Map<string, JobHooks>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Long jobs the worker runs beside its batches (see JobHooks.long). */
  private readonly beside = new Set<Promise<void>>();
  private serving: () => boolean = () => false;
  /** The background worker's share of the process's time (see Config.jobShare). */
  private share = 1;
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly leaseMs = JOB_LEASE_MS,
  ) {}

  /** `serving`: whether the process is answering requests now; jobs give way to them (see giveWay). */
  giveWayWhile(serving: () => boolean): void {
    this.serving = serving;
  }

  /**
   * Lets requests in after `workedMs` of background work: a turn of the event loop when none are waiting, else a
   * pause as long as the work (at most GIVE_WAY_MAX_MS). Long work (a scan over thousands of rows) calls it too.
   */
  async giveWay(workedMs: number): Promise<void> {
    if (!this.serving()) return yieldToEventLoop();
    const pause = Math.min(GIVE_WAY_MAX_MS, Math.max(1, Math.round(workedMs)));
    await new Promise((resolve) => setTimeout(resolve, pause));
  }

  /** After `workedMs` of jobs, a pause that keeps the worker to its share of the time (at least a giveWay's). */
  private async rest(workedMs: number): Promise<void> {
    const pause = (workedMs * (1 - this.share)) / this.share;
    if (this.serving() && pause < Math.min(GIVE_WAY_MAX_MS, workedMs)) return this.giveWay(workedMs);
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.round(pause))));
  }

  register(kind: string, handler: JobHandler, hooks: JobHooks = {}): void {
    this.handlers.set(kind, handler);
    this.hooks.set(kind, hooks);
  }

  /**
   * Work done every `everyMs` by whichever worker claims it, leased like any job so that two processes never
   * run it together. It keeps one row: after each run, or a failed one, the row is due again `everyMs` later
   * instead of finished, however long the product runs. The worker queues it when it starts, due at once.
   */
  every(kind: string, everyMs: number, handler: () => Promise<void>, hooks: Pick<JobHooks, 'long'> = {}): void {
    this.register(kind, () => handler(), { ...hooks, recurEveryMs: everyMs });
  }

  /** How many jobs of `kind` wait to run, counted up to `atMost` (a bounded walk of the pending jobs' index). */
  async pending(kind: string, atMost: number): Promise<number> {
    const rows: { n: number | string }[] = await this.db.read.query(
      portable(
        this.db.kind,
        `SELECT COUNT(*) AS n FROM (SELECT 1 FROM job WHERE status = 'PENDING' AND kind = ? LIMIT ${Number(atMost)}) p`,
      ),
      [kind],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Queues every recurring job's row if it is missing, and makes it due now (the worker's start). */
  async scheduleRecurring(): Promise<void> {
    const now = this.clock.now().toISOString();
    for (const [kind, hooks] of this.hooks) {
      if (!hooks.recurEveryMs) continue;
      await this.db.transaction(async (m) => {
        await this.enqueue(m, kind, {}, { key: recurringKey(kind) });
        await m.query(portable(this.db.kind, "UPDATE job SET run_at = ? WHERE job_key = ? AND status = 'PENDING'"), [
          now,
          recurringKey(kind),
        ]);
      });
    }
  }

  /** Adds a job inside the caller's transaction. */
  async enqueue(
    m: EntityManager,
    kind: string,
    payload: Record<string, unknown>,
    options: EnqueueOptions = {},
  ): Promise<void> {
    await this.enqueueMany(m, kind, [{ payload, options }]);
  }

  /**
   * Adds many jobs of one kind in as few statements as it can (a renewal day queues thousands): each keeps its
   * own payload and options, a key already queued is skipped, as `enqueue` does.
   */
  async enqueueMany(
    m: EntityManager,
    kind: string,
    jobs: readonly { payload: Record<string, unknown>; options?: EnqueueOptions }[],
  ): Promise<void> {
    const now = this.clock.now();
    const rows = jobs.map(({ payload, options = {} }) => this.row(kind, payload, options, now));
    // A job with this key already queued (or done) stays as it is: the key makes enqueueing idempotent.
    for (let at = 0; at < rows.length; at += ENQUEUE_CHUNK)
      await insertRows(m, 'job', rows.slice(at, at + ENQUEUE_CHUNK), { onConflictDoNothing: 'job_key' });
  }

  private row(kind: string, payload: Record<string, unknown>, options: EnqueueOptions, now: Date) {
    return {
      id: randomUUID(),
      kind,
      job_key: options.key ?? null,
      payload: JSON.stringify(payload),
      status: 'PENDING',
      run_at: (options.runAt ?? now).toISOString(),
      attempts: 0,
      max_attempts: options.maxAttempts ?? 8,
      locked_until: null,
      locked_by: null,
      last_error: null,
      created_at: now.toISOString(),
      finished_at: null,
    };
  }

  /**
   * Runs every job that is due now, one after another; returns how many ran. Jobs are claimed a few at a
   * time in one statement (one commit instead of one a job); the batch's leases are renewed together while
   * any of it is still to run, and a small batch leaves the rest to other workers.
   */
  async runDue(limit = 100): Promise<number> {
    return this.runClaimed(limit, null, false);
  }

  /**
   * Runs the one job with `key` now, in this process, if it is due and nobody holds it (a command-line tool
   * running the job it queued); true when it ran. Should this process die, the job's lease runs out and a
   * worker runs it again.
   */
  async runJob(key: string): Promise<boolean> {
    return (await this.runClaimed(1, key, false)) === 1;
  }

  /** `beside`: long jobs start and run on while the rest of the batch goes on (the background worker). */
  private async runClaimed(limit: number, key: string | null, beside: boolean): Promise<number> {
    let ran = 0;
    let slice = performance.now();
    while (ran < limit) {
      const batch = await this.claimDue(Math.min(CLAIM_BATCH[this.db.kind], limit - ran), key);
      if (batch.length === 0) break;
      const lease = keepAlive(
        Math.max(100, Math.floor(this.leaseMs / 3)),
        () => this.renewLeases(batch.map((job) => job.id)),
        (error) => this.logger.warn({ err: error, jobIds: batch.map((job) => job.id) }, 'job lease renewal failed'),
      );
      try {
        for (const unit of this.unitsOf(batch)) {
          const job = unit[0]!;
          if (beside && this.hooks.get(job.kind)?.long) {
            this.runBeside(job);
            ran += 1;
            continue;
          }
          const together = this.hooks.get(job.kind)?.batch;
          if (together && unit.length > 1) await this.executeBatch(unit, together);
          else await this.execute(job);
          ran += unit.length;
          // On SQLite a job's statements never wait on I/O: without this, a burst of due jobs would hold
          // the event loop and every request arriving meanwhile would wait for the whole burst. Jobs run back to
          // back for a few milliseconds, then requests get their turn (and while there are requests, a pause).
          if (performance.now() - slice >= JOB_SLICE_MS || this.serving()) {
            const worked = performance.now() - slice;
            if (beside && this.share < 1) await this.rest(worked);
            else await this.giveWay(worked);
            slice = performance.now();
          }
        }
      } finally {
        lease.stop();
      }
    }
    return ran;
  }

  /**
   * A claimed batch as it runs: each job alone, but the jobs of a kind with a batch handler together, where the
   * first of them was (all are due; which runs first among them matters to none).
   */
  private unitsOf(batch: readonly JobEntity[]): JobEntity[][] {
    const together = new Map<string, JobEntity[]>();
    const units: JobEntity[][] = [];
    for (const job of batch) {
      if (!this.hooks.get(job.kind)?.batch) units.push([job]);
      else if (together.has(job.kind)) together.get(job.kind)!.push(job);
      else {
        const unit = [job];
        together.set(job.kind, unit);
        units.push(unit);
      }
    }
    return units;
  }

  /** A long job run beside the worker's batches, renewing its own lease until it ends. */
  private runBeside(job: JobEntity): void {
    const lease = keepAlive(
      Math.max(100, Math.floor(this.leaseMs / 3)),
      () => this.renewLeases([job.id]),
      (error) => this.logger.warn({ err: error, jobId: job.id }, 'job lease renewal failed'),
    );
    const running: Promise<void> = this.execute(job)
      .catch((error: unknown) => this.logger.error({ err: error, jobId: job.id }, 'job worker failed'))
      .finally(() => {
        lease.stop();
        this.beside.delete(running);
      });
    this.beside.add(running);
  }

  start(pollMs: number, share = 1): void {
    if (this.timer) return;
    this.share = share;
    const tick = () => {
      let full = false;
      this.running = this.runClaimed(100, null, true)
        .then((ran) => void (full = ran === 100))
        .catch((error: unknown) => this.logger.error({ err: error }, 'job worker failed'))
        .finally(() => {
          this.running = null;
          // A full round means more are due (a renewal day): go on at once instead of waiting a poll.
          if (this.timer) this.timer = setTimeout(tick, full ? 0 : pollMs);
        });
    };
    void this.scheduleRecurring().catch((error: unknown) =>
      this.logger.error({ err: error }, 'queueing the recurring jobs failed'),
    );
    this.timer = setTimeout(tick, pollMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    await Promise.all([...this.beside]);
  }

  /**
   * One statement picks the oldest due jobs and leases them. On PostgreSQL, concurrent workers skip each
   * other's row locks instead of queueing behind them or racing; on SQLite the statement holds the only
   * writer, which makes it exclusive even when two processes share the file.
   */
  private async claimDue(limit: number, key: string | null = null): Promise<JobEntity[]> {
    const now = this.clock.now();
    const lease = new Date(now.getTime() + this.leaseMs).toISOString();
    // Due jobs and jobs whose lease ran out, each read in index order (status, run_at, id) with its own limit, then
    // the oldest of both: an OR of the two would scan the whole table, which keeps every job done (a renewal day
    // adds 100,000).
    const n = Number(limit);
    const byKey = key === null ? '' : ' AND job_key = ?';
    const lock = this.db.kind === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
    const due = `SELECT id, run_at FROM job WHERE status = 'PENDING' AND run_at <= ?${byKey} ORDER BY status, run_at, id LIMIT ${n}${lock}`;
    const lapsed = `SELECT id, run_at FROM job WHERE status = 'RUNNING' AND locked_until < ?${byKey} ORDER BY status, run_at, id LIMIT ${n}${lock}`;
    // PostgreSQL takes no row locks under a UNION: there each side is claimed on its own (lapsed leases are rare,
    // so a claim seldom takes more than `limit`), their ids joined into one array that the key's index looks up
    // (an OR of two IN lists scanned the whole table: 40 ms a claim on a renewal day of 100,000).
    const claimable =
      this.db.kind === 'postgres'
        ? `id = ANY(ARRAY(SELECT id FROM (${due}) d) || ARRAY(SELECT id FROM (${lapsed}) l))`
        : `id IN (SELECT id FROM (SELECT * FROM (${due}) UNION ALL SELECT * FROM (${lapsed})) c ORDER BY run_at, id LIMIT ${n})`;
    // SQLite is told to find the claimed rows by id (`jobById`): statistics gathered while the table was small
    // (an ANALYZE on a quiet day) made it scan the whole table instead, 22 ms a claim on a renewal day of 100,000.
    const rows = await this.oneStatement((m) =>
      updateReturning(
        m,
        `UPDATE ${this.jobById} SET status = 'RUNNING', locked_until = ?, locked_by = ?, attempts = attempts + 1
         WHERE ${claimable} RETURNING *`,
        [
          lease,
          this.workerId,
          now.toISOString(),
          ...(key === null ? [] : [key]),
          now.toISOString(),
          ...(key === null ? [] : [key]),
        ],
      ),
    );
    // RETURNING gives no order: the batch runs oldest first, as claimed.
    return rows
      .map((row) => this.toJob(row))
      .sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : a.id < b.id ? -1 : 1));
  }

  /** The job table, found by id on SQLite whatever its statistics say (see claimDue). */
  private get jobById(): string {
    return this.db.kind === 'postgres' ? 'job' : 'job INDEXED BY sqlite_autoindex_job_1';
  }

  /** Extends the leases this worker still holds on `ids` (jobs that finished meanwhile are left alone). */
  private renewLeases(ids: string[]): Promise<unknown> {
    const until = new Date(this.clock.now().getTime() + this.leaseMs).toISOString();
    return this.oneStatement((m) =>
      m.query(
        portable(
          this.db.kind,
          `UPDATE ${this.jobById} SET locked_until = ? WHERE id IN (${ids.map(() => '?').join(', ')}) AND locked_by = ? AND status = 'RUNNING'`,
        ),
        [until, ...ids, this.workerId],
      ),
    );
  }

  private toJob(row: Record<string, unknown>): JobEntity {
    return {
      id: String(row.id),
      kind: String(row.kind),
      key: (row.job_key as string | null) ?? null,
      payload: String(row.payload),
      status: 'RUNNING',
      runAt: String(row.run_at),
      attempts: Number(row.attempts),
      maxAttempts: Number(row.max_attempts),
      lockedUntil: (row.locked_until as string | null) ?? null,
      lockedBy: this.workerId,
      lastError: (row.last_error as string | null) ?? null,
      createdAt: String(row.created_at),
      finishedAt: null,
    };
  }

  /** A single statement is its own transaction on PostgreSQL; on SQLite it takes its turn at the writer. */
  private oneStatement<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.kind === 'postgres' ? work(this.db.read) : this.db.transaction(work);
  }

  /** A recurring job's row, due again `everyMs` from now with its attempts counted afresh. */
  private async dueAgain(job: JobEntity, everyMs: number, error: string | null): Promise<void> {
    await this.oneStatement((m) =>
      m.query(
        portable(
          this.db.kind,
          `UPDATE ${this.jobById} SET status = 'PENDING', run_at = ?, attempts = 0, locked_until = NULL, locked_by = NULL, last_error = ? WHERE id = ? AND locked_by = ?`,
        ),
        [
          new Date(this.clock.now().getTime() + everyMs).toISOString(),
          error?.slice(0, 2000) ?? null,
          job.id,
          this.workerId,
        ],
      ),
    );
  }

  /** Marks jobs this worker holds done, in `m`'s transaction. */
  private async markDone(m: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await statementIn(
      m,
      portable(
        this.db.kind,
        `UPDATE ${this.jobById} SET status = 'DONE', locked_until = NULL, finished_at = ? WHERE id IN (${ids.map(() => '?').join(', ')}) AND locked_by = ?`,
      ),
      [this.clock.now().toISOString(), ...ids, this.workerId],
    );
  }

  /** Jobs of one kind through its batch handler; those it did not do run one by one afterwards. */
  private async executeBatch(jobs: JobEntity[], handler: BatchHandler): Promise<void> {
    const doneIds = new Set<string>();
    const done = async (m: EntityManager, batched: readonly BatchedJob[]) => {
      await this.markDone(
        m,
        batched.map((b) => b.job.id),
      );
      for (const b of batched) doneIds.add(b.job.id);
    };
    try {
      await handler(
        jobs.map((job) => ({ payload: JSON.parse(job.payload) as Record<string, unknown>, job })),
        done,
      );
    } catch (error) {
      // Its transaction rolled back: nothing it marked is done; each job runs (and fails, or retries) on its own.
      this.logger.warn(
        { err: error, kind: jobs[0]!.kind, jobs: jobs.length },
        'a batch of jobs failed; run one by one',
      );
      doneIds.clear();
    }
    for (const job of jobs) if (!doneIds.has(job.id)) await this.execute(job);
  }

  private async execute(job: JobEntity): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler registered for job kind ${job.kind}`);
      let markedDone = false;
      const done = async (m: EntityManager) => {
        await this.markDone(m, [job.id]);
        markedDone = true;
      };
      const recurs = this.hooks.get(job.kind)?.recurEveryMs;
      await handler(JSON.parse(job.payload) as Record<string, unknown>, job, done);
      if (recurs) await this.dueAgain(job, recurs, null);
      else if (!markedDone) await this.oneStatement(done);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const recurs = this.hooks.get(job.kind)?.recurEveryMs;
      if (recurs) {
        this.logger.warn({ jobId: job.id, kind: job.kind, err: error }, 'recurring job failed; it runs again on time');
        await this.dueAgain(job, recurs, message);
        return;
      }
      const final = job.attempts >= job.maxAttempts;
      this.logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, final, err: error }, 'job failed');
      const hook = final ? this.hooks.get(job.kind)?.onGiveUp : this.hooks.get(job.kind)?.onRetry;
      await hook?.(
        JSON.parse(job.payload) as Record<string, unknown>,
        error instanceof Error ? error : new Error(message),
        job,
      ).catch((hookError: unknown) => this.logger.error({ err: hookError, jobId: job.id }, 'job failure hook failed'));
      await this.db.transaction((m) =>
        m.update(
          JobEntity,
          { id: job.id, lockedBy: this.workerId },
          {
            status: final ? 'FAILED' : 'PENDING',
            runAt: new Date(this.clock.now().getTime() + backoffMs(job.attempts)).toISOString(),
            lockedUntil: null,
            lastError: message.slice(0, 2000),
            finishedAt: final ? this.clock.now().toISOString() : null,
          },
        ),
      );
    }
  }
}
