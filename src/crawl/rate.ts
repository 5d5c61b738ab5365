/**
 * Politeness for one source: request starts spaced at least 1/rate seconds apart, and no more than
 * `concurrency` requests in flight.
 */
export class Throttle {
  private nextStart = 0;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly ratePerSec: number,
    private readonly concurrency: number,
  ) {}

  /** Wait for the next request start slot (each request, redirect hops included, takes one). */
  async pace(): Promise<void> {
    // claim a slot synchronously, then wait for it: callers never share a slot
    const now = Date.now();
    const at = Math.max(now, this.nextStart);
    this.nextStart = at + 1000 / this.ratePerSec;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }

  /** Run `fn` as one of at most `concurrency`; `fn` calls pace() before each request it makes. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
