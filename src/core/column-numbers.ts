/**
 * The column-number row printed under a table's header (1 2 3 …, 栏次 1 2 …, A B 1 2): defined
 * once, read by the PDF table finders (a header row, not a row of amounts) and the interpreter (a
 * header row that names no column).
 */

/** 1 2 3 … (or 栏次 1 2 …, A B 1 2): the column-number row under a header. */
export function isColumnNumberRow(texts: string[]): boolean {
  const filled = texts.map((t) => t.replace(/\s+/g, '')).filter(Boolean);
  const nums = filled.filter((t) => /^\d{1,2}$/.test(t)).map(Number);
  if (nums.length < 2) return false;
  const others = filled.filter((t) => !/^\d{1,2}$/.test(t));
  if (others.some((t) => !/^(栏次|行次|序号|[A-Za-z]|甲|乙|丙|丁|项目|—|-)$/.test(t))) return false;
  for (let i = 1; i < nums.length; i++) if (nums[i] !== nums[i - 1] + 1) return false;
  return true;
}
