/**
 * Progress of a run on stderr: a bar (files/s, pages/s, ETA) on a terminal, JSON lines otherwise
 * (or with --progress=json), nothing with --progress=none. Per-document lines go to stdout and,
 * while a bar is drawn on the same terminal, above the bar.
 */
import cliProgress from 'cli-progress';
import { wrapLine } from './summary-line.js';
import type { FileResult } from './task.js';

/** A message as stderr shows it: wrapped at a terminal's width, else as it is. */
function stderrLine(text: string): string {
  return process.stderr.isTTY ? wrapLine(text, process.stderr.columns ?? 80) : text;
}

/** The line as stdout shows it: the terminal form wrapped at its width on a terminal, else the stable line. */
function stdoutLine(text: string, forTerminal?: string): string {
  return process.stdout.isTTY && forTerminal ? wrapLine(forTerminal, process.stdout.columns ?? 80) : text;
}

export type ProgressMode = 'auto' | 'bar' | 'json' | 'none';

export interface RunTotals {
  total: number;
  done: number;
  ok: number;
  partial: number;
  /** extracted or skipped inputs with no budget content */
  noContent: number;
  skipped: number;
  failed: number;
  /** pages of the inputs processed (not skipped) in this run */
  pages: number;
  elapsedMs: number;
}

export interface Progress {
  start(total: number, info: Record<string, unknown>): void;
  file(r: FileResult, t: RunTotals): void;
  /** a per-document line (stdout); `forTerminal` is shown instead, wrapped, when stdout is a terminal */
  line(text: string, forTerminal?: string): void;
  /** a message for the user (stderr) */
  warn(text: string): void;
  /** a page of a long input read by OCR (a scan takes seconds a page) */
  ocrPage?(path: string, page: number, pages: number): void;
  end(t: RunTotals, info: Record<string, unknown>): void;
}

function rates(t: RunTotals) {
  const sec = Math.max(t.elapsedMs / 1000, 1e-3);
  const fps = t.done / sec;
  return {
    filesPerSec: Math.round(fps * 100) / 100,
    pagesPerSec: Math.round((t.pages / sec) * 10) / 10,
    etaSec: fps > 0 ? Math.round((t.total - t.done) / fps) : null,
  };
}

class JsonProgress implements Progress {
  constructor(private readonly quiet: boolean) {}
  private emit(o: Record<string, unknown>) {
    process.stderr.write(`${JSON.stringify({ ...o, time: new Date().toISOString() })}\n`);
  }
  start(total: number, info: Record<string, unknown>) {
    this.emit({ event: 'start', total, ...info });
  }
  file(r: FileResult, t: RunTotals) {
    this.emit({
      event: 'file',
      done: t.done,
      total: t.total,
      path: r.path,
      status: r.status,
      pages: r.pages,
      ms: r.durationMs,
      ...(r.timings ? { timings: r.timings } : {}),
      ...(r.error ? { reason: r.error.reason, message: r.error.message } : {}),
      ...rates(t),
      ...(r.mem ? { thread: r.mem.threadId, rss: r.mem.rss, heapUsed: r.mem.heapUsed, maxRss: r.mem.maxRss } : {}),
    });
  }
  line(text: string, forTerminal?: string) {
    if (!this.quiet) process.stdout.write(`${stdoutLine(text, forTerminal)}\n`);
  }
  warn(text: string) {
    this.emit({ event: 'message', message: text });
  }
  ocrPage(path: string, page: number, pages: number) {
    this.emit({ event: 'ocr-page', path, page, pages });
  }
  end(t: RunTotals, info: Record<string, unknown>) {
    this.emit({ event: 'end', ...t, ...rates(t), ...info });
  }
}

class PlainProgress implements Progress {
  constructor(private readonly quiet: boolean) {}
  start() {}
  file() {}
  line(text: string, forTerminal?: string) {
    if (!this.quiet) process.stdout.write(`${stdoutLine(text, forTerminal)}\n`);
  }
  warn(text: string) {
    process.stderr.write(`${stderrLine(text)}\n`);
  }
  end() {}
}

class BarProgress implements Progress {
  private readonly multi: cliProgress.MultiBar;
  private bar?: cliProgress.SingleBar;
  private stopped = false;
  constructor(private readonly quiet: boolean) {
    this.multi = new cliProgress.MultiBar(
      {
        stream: process.stderr,
        format: ' {bar} {value}/{total} files | {fps} files/s | {pps} pages/s | ETA {eta_formatted} | {failed} failed{ocr}',
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 50,
        fps: 5,
        // the bar is trimmed to the terminal's width, but lines above it wrap instead of being cut
        linewrap: true,
      },
      cliProgress.Presets.shades_classic,
    );
  }
  private print(text: string) {
    // above the bar when stdout is the bar's terminal, else plainly
    if (process.stdout.isTTY) this.multi.log(`${text}\n`);
    else process.stdout.write(`${text}\n`);
  }
  start(total: number) {
    this.bar = this.multi.create(total, 0, { fps: '0', pps: '0', failed: 0, ocr: '' });
  }
  file(_r: FileResult, t: RunTotals) {
    const r = rates(t);
    this.bar?.update(t.done, { fps: r.filesPerSec.toFixed(2), pps: r.pagesPerSec.toFixed(1), failed: t.failed, ocr: '' });
  }
  ocrPage(_path: string, page: number, pages: number) {
    this.bar?.update({ ocr: ` | OCR page ${page}/${pages}` });
  }
  line(text: string, forTerminal?: string) {
    if (!this.quiet) this.print(stdoutLine(text, forTerminal));
  }
  warn(text: string) {
    if (this.stopped) process.stderr.write(`${stderrLine(text)}\n`);
    else this.multi.log(`${stderrLine(text)}\n`);
  }
  end() {
    // lines logged since the last redraw (the last document's) are written by a redraw, not by stop()
    this.multi.update();
    this.multi.stop();
    this.stopped = true;
  }
}

export function makeProgress(mode: ProgressMode, quiet: boolean): Progress {
  const m = mode === 'auto' ? (process.stderr.isTTY ? 'bar' : 'json') : mode;
  // a bar is drawn only on a terminal: redirected, `--progress bar` gives the lines and messages alone
  if (m === 'bar' && !process.stderr.isTTY) return new PlainProgress(quiet);
  if (m === 'bar') return new BarProgress(quiet);
  if (m === 'json') return new JsonProgress(quiet);
  return new PlainProgress(quiet);
}
