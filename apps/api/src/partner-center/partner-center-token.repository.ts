import { createHash } from 'node:crypto';
import type { Database } from '../db/database.js';
import { portable } from '../db/sql.js';
import type { Clock } from '../platform/clock.js';
import type { SecretBox } from '../platform/secret-box.js';
import type { RefreshTokenStore } from './live/access-tokens.js';

const ROW = 'refresh';

/**
 * The refresh token in the database, encrypted with the secrets key. Microsoft answers every exchange with a new
 * one, which replaces it, so a restart goes on with the latest. The configured token seeds the row; a different one
 * in the settings (a new consent) takes over from whatever was rotated from the old.
 */
export class DatabaseRefreshTokenStore implements RefreshTokenStore {
  private readonly seed: string;

  constructor(
    private readonly db: Database,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    private readonly configured: string,
  ) {
    this.seed = createHash('sha256').update(configured).digest('hex');
  }

  async read(): Promise<string> {
    const rows: { token: string; seeded_from: string }[] = await this.db.read.query(
      portable(this.db.kind, 'SELECT token, seeded_from FROM partner_center_token WHERE id = ?'),
      [ROW],
    );
    const row = rows[0];
    return row && row.seeded_from === this.seed ? this.secrets.decrypt(row.token) : this.configured;
  }

  async write(token: string): Promise<void> {
    await this.db.transaction((m) =>
      m.query(
        portable(
          this.db.kind,
          `INSERT INTO partner_center_token (id, token, seeded_from, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET token = excluded.token, seeded_from = excluded.seeded_from,
           updated_at = excluded.updated_at`,
        ),
        [ROW, this.secrets.encrypt(token), this.seed, this.clock.now().toISOString()],
      ),
    );
  }

  /** When Microsoft last rotated the token; null before the first exchange. */
  async rotatedAt(): Promise<string | null> {
    const rows: { updated_at: string; seeded_from: string }[] = await this.db.read.query(
      portable(this.db.kind, 'SELECT updated_at, seeded_from FROM partner_center_token WHERE id = ?'),
      [ROW],
    );
    return rows[0]?.seeded_from === this.seed ? rows[0].updated_at : null;
  }
}
