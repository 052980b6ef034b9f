import type { DocumentNode } from 'graphql';

/**
 * Apollo's cache of parsed and validated documents, bounded by the total length of their source text. Apollo's
 * default bounds its cache by each document's JSON size (30 MB), which let distinct anonymous documents hold
 * about 130 MB of heap, and stringifies every new document to measure it; the source length costs nothing to
 * read and grows as the parsed tree does. Least recently used first out.
 */
export class DocumentStore {
  private readonly documents = new Map<string, { document: DocumentNode; size: number }>();
  private size = 0;

  constructor(private readonly maxSourceChars = 512 * 1024) {}

  async get(key: string): Promise<DocumentNode | undefined> {
    const entry = this.documents.get(key);
    if (!entry) return undefined;
    this.documents.delete(key);
    this.documents.set(key, entry);
    return entry.document;
  }

  async set(key: string, document: DocumentNode): Promise<void> {
    const size = document.loc?.end ?? 1024;
    if (size > this.maxSourceChars) return;
    await this.delete(key);
    while (this.size + size > this.maxSourceChars) await this.delete(this.documents.keys().next().value!);
    this.documents.set(key, { document, size });
    this.size += size;
  }

  async delete(key: string): Promise<boolean> {
    const entry = this.documents.get(key);
    if (!entry) return false;
    this.documents.delete(key);
    this.size -= entry.size;
    return true;
  }

  get sourceChars(): number {
    return this.size;
  }
}
