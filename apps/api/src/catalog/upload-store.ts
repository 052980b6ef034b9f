import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class UploadTooLargeError extends Error {}

/** How long an upload may wait unimported, or stay taken by an import whose process died, before it is removed. */
export const UPLOAD_MAX_AGE_MS = 24 * 3_600_000;

/** Uploaded files wait on disk (not in memory) until an operation consumes them. */
export class UploadStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'uploads');
  }

  async save(body: Readable, maxBytes: number): Promise<{ uploadId: string; bytes: number }> {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const uploadId = randomUUID();
    let bytes = 0;
    const file = this.path(uploadId);
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) body.destroy(new UploadTooLargeError(`the upload exceeds ${maxBytes} bytes`));
    });
    try {
      await pipeline(body, createWriteStream(file, { mode: 0o600 }));
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
    return { uploadId, bytes };
  }

  /**
   * Takes an upload for one operation: the file is renamed out of the waiting ones, atomically, so two
   * requests naming the same upload cannot both consume it. Null when it is not (or no longer) waiting.
   */
  async take(uploadId: string): Promise<{ putBack(): Promise<void> } | null> {
    const taken = this.takenPath(uploadId);
    if (!taken) return null;
    try {
      await rename(this.path(uploadId), taken);
    } catch {
      return null;
    }
    return { putBack: () => rename(taken, this.path(uploadId)) };
  }

  /** The file of an upload taken for an import (its job may run again after a restart). */
  openTaken(uploadId: string): Readable {
    const taken = this.takenPath(uploadId);
    if (!taken) throw new Error(`not an upload id: ${uploadId}`);
    return createReadStream(taken);
  }

  /** Removes a taken upload once its import ended; gone already is fine. */
  async removeTaken(uploadId: string): Promise<void> {
    const taken = this.takenPath(uploadId);
    if (taken) await rm(taken, { force: true });
  }

  /** Where a taken upload's file is; null for anything that is not an upload id (never a path of its own). */
  private takenPath(uploadId: string): string | null {
    return /^[0-9a-f-]{36}$/.test(uploadId) ? `${this.path(uploadId)}.taken` : null;
  }

  /** Files waiting or taken, and the bytes they hold: shown to staff on the Price lists page. */
  async usage(): Promise<{ files: number; bytes: number }> {
    let files = 0;
    let bytes = 0;
    for (const entry of await this.entries()) {
      files += 1;
      bytes += entry.bytes;
    }
    return { files, bytes };
  }

  /**
   * Removes uploads that waited longer than `maxAgeMs` without being imported, and taken ones left by an
   * import whose process died (a live import takes seconds to minutes). Ages are measured against the file
   * system's own clock, read from a file written now, never against the product's clock: a test's fixed
   * clock, or a machine whose date moved, must not make a fresh upload look old.
   */
  async sweep(maxAgeMs = UPLOAD_MAX_AGE_MS): Promise<{ files: number; bytes: number }> {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const marker = join(this.dir, '.now');
    await writeFile(marker, '');
    const now = (await stat(marker)).mtimeMs;
    let files = 0;
    let bytes = 0;
    for (const entry of await this.entries()) {
      if (now - entry.since <= maxAgeMs) continue;
      await rm(entry.path, { force: true });
      files += 1;
      bytes += entry.bytes;
    }
    return { files, bytes };
  }

  /** Each upload file with its size and since when it is in its state: its upload (waiting) or its taking (rename). */
  private async entries(): Promise<{ path: string; bytes: number; since: number }[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const entries = [];
    for (const name of names.filter((n) => /\.upload(\.taken)?$/.test(n))) {
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => null);
      if (info) entries.push({ path, bytes: info.size, since: name.endsWith('.taken') ? info.ctimeMs : info.mtimeMs });
    }
    return entries;
  }

  private path(uploadId: string): string {
    return join(this.dir, `${uploadId}.upload`);
  }
}
