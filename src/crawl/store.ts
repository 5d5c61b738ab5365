/**
 * The crawler's download store: each document's bytes once, by SHA-256
 * (`objects/<2 hex>/<sha256>/<file name>`, the name as the site served it), and `state.json`, what
 * the last crawl knew of each document URL (hash, ETag, Last-Modified, title, link text, fetch
 * time). Objects are written atomically and never change; the state is rewritten atomically at the
 * end of a crawl, so a killed crawl at worst fetches again what it had not recorded.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-write.js';

export const KnownDocument = z.object({
  source: z.string(),
  url: z.string(),
  /** where the bytes came from after redirects */
  finalUrl: z.string(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  /** relative to the store */
  file: z.string(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  title: z.string().optional(),
  linkText: z.string(),
  /** when the bytes were downloaded, and when the URL was last checked */
  fetchedAt: z.string(),
  checkedAt: z.string(),
});
export type KnownDocument = z.infer<typeof KnownDocument>;

const State = z.object({ version: z.literal(1), documents: z.record(z.string(), KnownDocument) });
type State = z.infer<typeof State>;

export class DownloadStore {
  private state: State = { version: 1, documents: {} };

  constructor(readonly dir: string) {}

  private get stateFile() {
    return join(this.dir, 'state.json');
  }

  async load(): Promise<void> {
    await mkdir(join(this.dir, 'objects'), { recursive: true });
    let text: string;
    try {
      text = await readFile(this.stateFile, 'utf8');
    } catch {
      return;
    }
    const r = State.safeParse(JSON.parse(text));
    if (!r.success) throw new Error(`${this.stateFile}: not a yusuan crawl state: ${r.error.issues[0]?.message}`);
    this.state = r.data;
  }

  get(url: string): KnownDocument | undefined {
    return this.state.documents[url];
  }

  set(doc: KnownDocument): void {
    this.state.documents[doc.url] = doc;
  }

  delete(url: string): void {
    delete this.state.documents[url];
  }

  ofSource(source: string): KnownDocument[] {
    return Object.values(this.state.documents).filter((d) => d.source === source);
  }

  /** Store bytes under their hash (a no-op when already there); the path relative to the store. */
  async putObject(sha256: string, name: string, bytes: Uint8Array): Promise<string> {
    const rel = join('objects', sha256.slice(0, 2), sha256, name);
    const abs = join(this.dir, rel);
    const have = await stat(abs).catch(() => undefined);
    if (!have || have.size !== bytes.length) {
      await mkdir(join(this.dir, 'objects', sha256.slice(0, 2), sha256), { recursive: true });
      await writeFileAtomic(abs, bytes);
    }
    return rel;
  }

  async save(): Promise<void> {
    await writeFileAtomic(this.stateFile, `${JSON.stringify(this.state, null, 1)}\n`);
  }
}
