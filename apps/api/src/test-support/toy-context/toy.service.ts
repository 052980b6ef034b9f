import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { systemContext, type RequestContext } from '../../platform/request-context.js';
import type { ToyEntity } from './toy.entity.js';
import type { ToysRepository } from './toys.repository.js';

export const PAINT_TOY_JOB = 'toy.paint';

export class ToyService {
  constructor(
    private readonly db: Database,
    clock: Clock,
    private readonly jobs: JobQueue,
    private readonly toys: ToysRepository,
  ) {
    jobs.register(PAINT_TOY_JOB, (payload) => this.paint(systemContext(clock, 'system:toys'), String(payload.toyId)));
  }

  list(ctx: RequestContext): Promise<ToyEntity[]> {
    return this.toys.all(ctx);
  }

  /** A new toy, and a job to paint it, in one transaction. */
  add(ctx: RequestContext, name: string): Promise<ToyEntity> {
    return this.db.transaction(ctx, async (tx, m) => {
      const toy = await this.toys.insert(tx, { id: randomUUID(), name, painted: false });
      await this.jobs.enqueue(m, PAINT_TOY_JOB, { toyId: toy.id });
      return toy;
    });
  }

  private async paint(ctx: RequestContext, toyId: string): Promise<void> {
    await this.db.transaction(ctx, (tx) => this.toys.paint(tx, toyId));
  }
}
