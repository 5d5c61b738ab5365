/** Small hand-made documents for the validation tests. */
import type { Amount, Column, Document, NarrativeFigure, Project, Row, Table, Unit } from '../../schemas/document.js';

export interface RowSpec {
  item: string;
  code?: string;
  level?: '类' | '款' | '项';
  kind?: 'data' | 'total' | 'subtotal';
  block?: '收入' | '支出';
  ordinal?: string;
  labels?: string[];
  /** column header path ("合计" or "预算数 / 基本支出") → printed value */
  values: Record<string, string>;
}

export interface TableSpec {
  id?: number;
  title: string;
  kind: string;
  unit?: Unit;
  year?: number;
  department?: string;
  note?: string;
  sideBySide?: boolean;
  /** amount columns, each a header path joined with " / "; block-prefixed "收入:…" / "支出:…" for side-by-side tables */
  columns: string[];
  rows: RowSpec[];
}

const LEVEL = { 3: '类', 5: '款', 7: '项' } as const;

export function table(spec: TableSpec, id = spec.id ?? 1): Table {
  const columns: Column[] = [{ index: 0, path: ['项目'], role: 'label' }];
  const idx = new Map<string, number>();
  spec.columns.forEach((c, i) => {
    const [block, path] = c.includes(':') ? (c.split(':') as ['收入' | '支出', string]) : [undefined, c];
    const col: Column = { index: i + 1, path: path.split(' / '), role: 'amount', ...(block ? { block } : {}) };
    columns.push(col);
    idx.set(c, i + 1);
  });
  const counters = new Map<string, number>();
  const rows: Row[] = spec.rows.map((r) => {
    const key = r.block ?? '';
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const amounts: Amount[] = Object.entries(r.values).map(([c, v]) => {
      const column = idx.get(r.block && !c.includes(':') ? `${r.block}:${c}` : c) ?? idx.get(c);
      if (column === undefined) throw new Error(`no column ${c}`);
      return { column, path: c.replace(/^(收入|支出):/, ''), raw: v, value: v.replace(/,/g, ''), page: 1 };
    });
    const code = r.code;
    return {
      index: n,
      kind: r.kind ?? (/合计|总计/.test(r.item) && !code ? 'total' : 'data'),
      labels: r.labels ?? [r.item],
      item: (r.labels ?? [r.item]).join(' / '),
      amounts,
      page: 1,
      ...(r.block ? { block: r.block } : {}),
      ...(code ? { code, codeKind: /^2/.test(code) ? 'functional' : 'economic', level: r.level ?? LEVEL[code.length as 3 | 5 | 7], ...(code.length > 3 ? { parentCode: code.slice(0, -2) } : {}) } : {}),
      ...(r.ordinal ? { ordinal: r.ordinal } : {}),
    } as Row;
  });
  const empty = !rows.some((r) => r.amounts.length);
  return {
    id,
    title: spec.title,
    kind: spec.kind as Table['kind'],
    unit: spec.unit ?? '万元',
    ...(spec.year ? { year: spec.year } : {}),
    ...(spec.department ? { department: spec.department } : {}),
    ...(spec.note ? { note: spec.note } : {}),
    pages: [1],
    empty,
    sideBySide: spec.sideBySide ?? false,
    columns,
    rows,
    printed: [],
    quality: { method: 'tsv', confidence: 1, headerRows: 1, bodyRows: rows.length, amountCells: 0, unreadCells: 0, raggedRows: 0 },
    diagnostics: [],
  };
}

export function doc(opts: { tables?: TableSpec[]; narrative?: string[]; projects?: Partial<Project>[]; text?: string[]; year?: number; department?: string; docKind?: Document['docKind'] } = {}): Document {
  return {
    yusuan: 'test',
    source: { path: 'test.txt', name: 'test.txt', format: 'text', sha256: '0'.repeat(64), bytes: 0 },
    status: 'success',
    year: opts.year ?? 2024,
    department: opts.department ?? '测试局',
    docKind: opts.docKind ?? '部门预算',
    tables: (opts.tables ?? []).map((t, i) => table(t, t.id ?? i + 1)),
    projects: (opts.projects ?? []) as Project[],
    overallPerformance: [],
    narrative: (opts.narrative ?? []).flatMap((s) => figures(s)),
    ...(opts.text ? { text: opts.text.map((t) => ({ text: t, page: 2 })) } : {}),
    diagnostics: [],
  };
}

/** The narrative figures of a sentence, as the interpreter reads them (src/interpret/narrative.ts). */
import { figuresOfSentence } from '../../src/interpret/narrative.js';
export function figures(sentence: string): NarrativeFigure[] {
  return figuresOfSentence(sentence, { page: 2 });
}
