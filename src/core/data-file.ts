/**
 * The project's own data files (data/*.csv, shipped in the package): found from the module that
 * asks, whether it runs from source (tsx, vitest) or compiled into dist/, by walking up to the
 * folder that holds data/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** data/<name> of the project, from the module at `moduleUrl` (its import.meta.url); undefined if absent. */
export function projectDataFile(name: string, moduleUrl: string): string | undefined {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (let i = 0; i < 5; i++) {
    const f = join(dir, 'data', name);
    if (existsSync(f)) return f;
    dir = dirname(dir);
  }
  return undefined;
}
