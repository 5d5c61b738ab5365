/**
 * vitest globalSetup for tests/batch: the batch tests run the compiled CLI (its pool loads the
 * compiled worker, dist/src/batch/worker.js), so dist/ is built once before them.
 * Register in vitest.config.ts: test.globalSetup: ['tests/batch/global-setup.ts'].
 * Without it, tests/batch/helpers.ts builds dist/ itself (once per test file).
 */
import type { TestProject } from 'vitest/node';
import { buildDist } from './build.js';

export default function setup(project: TestProject): void {
  buildDist();
  project.provide('yusuanDistBuilt', true);
}

declare module 'vitest' {
  export interface ProvidedContext {
    yusuanDistBuilt: boolean;
  }
}
