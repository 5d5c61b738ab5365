/** How a dead worker's end is told apart: memory exhaustion (reason too-large) or a bug (internal). */
import { describe, expect, it } from 'vitest';
import { isOutOfMemory } from '../../src/core/memory.js';

describe('isOutOfMemory', () => {
  it("takes V8's fatal heap report as memory", () => {
    expect(isOutOfMemory('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', 'SIGABRT')).toBe(true);
  });
  it('takes an abort on a thread that could not start under the data limit as memory (the fuzz run that aborted an HTML input)', () => {
    expect(isOutOfMemory('node[123]: ../src/node_platform.cc: Assertion failed: (0) == (uv_thread_create(...)). Resource temporarily unavailable', 'SIGABRT')).toBe(true);
  });
  it("takes a native allocation's std::bad_alloc abort as memory", () => {
    expect(isOutOfMemory("terminate called after throwing an instance of 'std::bad_alloc'", 'SIGABRT')).toBe(true);
  });
  it('takes any other crash as a bug', () => {
    expect(isOutOfMemory('TypeError: x is not a function', null)).toBe(false);
    expect(isOutOfMemory('Resource temporarily unavailable', null)).toBe(false);
  });
});
