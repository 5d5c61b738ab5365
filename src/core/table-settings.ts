/**
 * The table settings file: the escape hatch for a table the finder reads wrong, in the manner of
 * pdfplumber's explicit strategy and Camelot's `table_areas` / `columns` (their ideas, not their
 * code). One JSON or YAML file (docs/escape-hatches.md) says, per page or for every page, where a
 * table is (an area in PDF points, top-left origin, as yusuan's bboxes), where its column edges
 * are, and which reading to use (ruled or aligned); and it overrides any tuning value of the
 * layout settings (src/core/layout-settings.ts), so that pdfplumber's one settings object has its
 * counterpart here. Validated with zod once, before any input is read.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutOverrides } from './layout-settings.js';

const point = z.number().finite().nonnegative();

/** One table the user places by hand. */
export const TableHint = z
  .object({
    /** the pages it is on (1-based); absent: every page */
    pages: z.union([z.number().int().positive(), z.array(z.number().int().positive()).min(1)]).optional(),
    /** x0, top, x1, bottom (PDF points from the page's top-left corner); absent: the whole page */
    area: z
      .tuple([point, point, point, point])
      .refine(([x0, top, x1, bottom]) => x1 > x0 && bottom > top, 'area is [x0, top, x1, bottom] with x1 > x0 and bottom > top')
      .optional(),
    /** x of the column edges inside the area (between columns), left to right */
    columns: z
      .array(point)
      .min(1)
      .refine((xs) => xs.every((x, k) => k === 0 || x > xs[k - 1]), 'columns are x positions in increasing order')
      .optional(),
    /** with `columns`: how many printed lines at the top of the area are the table's header (default: those above the first amount; 0 for rows going on from the page before) */
    header: z.number().int().nonnegative().optional(),
    /** `ruled`: only frames drawn with rules; `aligned`: only the alignment of the text (rules ignored) */
    strategy: z.enum(['ruled', 'aligned']).optional(),
  })
  .strict()
  .refine((h) => h.area !== undefined || h.columns !== undefined || h.strategy !== undefined, 'a table needs an area, columns or a strategy')
  .refine((h) => !(h.columns && h.strategy === 'ruled'), 'columns are given for an aligned table, not a ruled one')
  .refine((h) => !(h.columns && h.area && h.columns.some((x) => x <= h.area![0] || x >= h.area![2])), 'columns lie inside the area, between x0 and x1');
export type TableHint = z.infer<typeof TableHint>;

/** Each layout group with exactly its own keys, each of the type of its default. */
const layoutGroup = (defaults: Readonly<Record<string, unknown>>) =>
  z
    .object(Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, (typeof v === 'string' ? z.string() : z.number().finite()).optional()])))
    .strict();

const LayoutOverridesSchema = z
  .object(Object.fromEntries(Object.entries(DEFAULT_LAYOUT_SETTINGS).map(([g, d]) => [g, layoutGroup(d as unknown as Record<string, unknown>).optional()])))
  .strict();

export const TableSettings = z
  .object({
    /** overrides of the layout settings, group by group (docs/layout-settings.md) */
    layout: LayoutOverridesSchema.optional(),
    tables: z.array(TableHint).optional(),
  })
  .strict();
export interface TableSettings {
  layout?: LayoutOverrides;
  tables?: TableHint[];
}

/** One line: where in the file and what is wrong. */
function issueText(e: z.ZodError): string {
  const i = e.issues[0];
  const where = i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : 'the file';
  return `${where}: ${i.message}`;
}

/** The settings of a file's text (JSON is YAML too); throws an Error whose message is one line naming the reason. */
export function parseTableSettings(text: string): TableSettings {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new Error(`not JSON or YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const res = TableSettings.safeParse(raw ?? {});
  if (!res.success) throw new Error(issueText(res.error));
  return res.data as TableSettings;
}

/** The settings file read and validated; the Error's message names the file and the reason. */
export function readTableSettings(file: string): TableSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`${file}: cannot read the table settings: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
  try {
    return parseTableSettings(text);
  } catch (e) {
    throw new Error(`${file}: bad table settings: ${(e as Error).message}`);
  }
}

/** The hints that apply to one page: those for it and those for every page. */
export function hintsForPage(hints: readonly TableHint[] | undefined, page: number): TableHint[] {
  return (hints ?? []).filter((h) => h.pages === undefined || (Array.isArray(h.pages) ? h.pages.includes(page) : h.pages === page));
}
