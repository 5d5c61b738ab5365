/**
 * The groups of a 项目支出预算表 that lists several units: the department row (or 合计), then each
 * unit's row followed by that unit's projects. A unit row is told by its label — an organisation's
 * name (…局, …中心, …办公室, the department itself) — never by whether figures happen to add up.
 */
import type { Row, Table } from '../../schemas/document.js';
import { norm } from './tables.js';
import { isTotalRow, itemText } from '../identities/total-rows.js';

export interface ProjectGroups {
  /** the row that totals the whole table (合计 / the department), when printed */
  total?: Row;
  /** unit rows with their projects; empty when the table lists projects only */
  units: { row: Row; projects: Row[] }[];
  /** every project row */
  projects: Row[];
}

const ORG = /(局|中心|院|所|站|办公室|办|委员会|协会|联合会|委|厅|处|馆|队|部|学校|学院|幼儿园|医院|街道办事处|政府|机关|本级|集团|公司)$/;
const PROJECT_WORDS = /(经费|费|项目|工程|建设|补助|补贴|资金|支出|专项|购置|运维|维护|设备|系统|活动|场所)$/;

export function isOrgLabel(label: string, department?: string): boolean {
  const t = norm(label);
  if (!t) return false;
  if (department && t === norm(department)) return true;
  return ORG.test(t) && !PROJECT_WORDS.test(t);
}

export function projectGroups(t: Table, department?: string): ProjectGroups {
  const rows = t.rows.filter((r) => r.amounts.length);
  let total: Row | undefined;
  let rest = rows;
  const first = rows[0];
  if (first && (isTotalRow(first) || /^(合计|总计)$/.test(itemText(first)) || (isOrgLabel(first.item, department) && rows.slice(1).some((r) => isOrgLabel(r.item, department))))) {
    total = first;
    rest = rows.slice(1);
  }
  const units: ProjectGroups['units'] = [];
  const projects: Row[] = [];
  for (const r of rest) {
    if (isTotalRow(r)) continue;
    if (isOrgLabel(r.item, department)) units.push({ row: r, projects: [] });
    else {
      projects.push(r);
      units[units.length - 1]?.projects.push(r);
    }
  }
  // projects printed before the first unit row: the table is not grouped by unit after all
  if (units.length && projects.length !== units.reduce((n, u) => n + u.projects.length, 0)) return { ...(total ? { total } : {}), units: [], projects: rest.filter((r) => !isTotalRow(r)) };
  return { ...(total ? { total } : {}), units, projects };
}
