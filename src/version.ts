import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The package version: part of every output, so a re-run can tell which outputs are current. */
export const VERSION: string = (() => {
  for (const p of ['../package.json', '../../package.json']) {
    try {
      return (require(p) as { version: string }).version;
    } catch {
      /* compiled (dist/src) or source (src) layout */
    }
  }
  return '0.0.0';
})();
