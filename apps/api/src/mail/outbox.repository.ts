import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Database } from '../db/database.js';
import { EmailMessageEntity } from './email-message.entity.js';

/** The kept messages (email_message): each written once, when it was handed to the transport. */
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  list(filter: { relatedType?: string; relatedId?: string }, take: number): Promise<EmailMessageEntity[]> {
    return this.db.read.find(EmailMessageEntity, {
      where: { ...filter },
      order: { createdAt: 'DESC', id: 'DESC' },
      take,
    });
  }

  /** The messages about each order, newest first: one statement for a page of orders. */
  byOrder(): DataLoader<string, EmailMessageEntity[]> {
    return new DataLoader(async (ids) => {
      const rows = await this.db.read.find(EmailMessageEntity, {
        where: { relatedType: 'Order', relatedId: In([...ids]) },
        order: { createdAt: 'DESC', id: 'DESC' },
      });
      return ids.map((id) => rows.filter((e) => e.relatedId === id));
    });
  }

  sent(messageId: string): Promise<boolean> {
    return this.db.read.existsBy(EmailMessageEntity, { id: messageId });
  }

  async keep(message: EmailMessageEntity): Promise<void> {
    await this.db.transaction((m) => m.insert(EmailMessageEntity, message));
  }
}
