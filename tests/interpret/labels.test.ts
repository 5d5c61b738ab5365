import { describe, expect, it } from 'vitest';
import { isColumnNumberRow } from '../../src/core/column-numbers.js';
import { codeKind, codeLevel, parentCode, splitLeadingCode, splitOrdinal, totalKind } from '../../src/interpret/labels.js';
import { classifyLine } from '../../src/segment/line-kinds.js';
import { tableKind } from '../../src/interpret/table-kinds.js';

describe('subject codes', () => {
  it('levels and parents', () => {
    expect(codeLevel('201')).toBe('类');
    expect(codeLevel('20131')).toBe('款');
    expect(codeLevel('2013101')).toBe('项');
    expect(parentCode('2013101')).toBe('20131');
    expect(parentCode('20131')).toBe('201');
    expect(parentCode('201')).toBeUndefined();
    expect(codeKind('30101')).toBe('economic');
    expect(codeKind('2080505')).toBe('functional');
  });
  it('finds a code printed inside the label', () => {
    expect(splitLeadingCode('2013101 行政运行')).toEqual({ code: '2013101', rest: '行政运行' });
    expect(splitLeadingCode('[201]一般公共服务支出')).toEqual({ code: '201', rest: '一般公共服务支出' });
    expect(splitLeadingCode('2024年预算')).toEqual({ rest: '2024年预算' });
  });
  it('ordinals and totals', () => {
    expect(splitOrdinal('一、一般公共预算')).toEqual({ ordinal: '一、', rest: '一般公共预算' });
    expect(splitOrdinal('（一）政府购买服务')).toEqual({ ordinal: '（一）', rest: '政府购买服务' });
    expect(splitOrdinal('②公务用车运行维护费').ordinal).toBe('②');
    expect(totalKind('合 计')).toBe('total');
    expect(totalKind('本年收入合计')).toBe('total');
    expect(totalKind('部门合计')).toBe('total');
    expect(totalKind('小计')).toBe('subtotal');
    expect(totalKind('行政运行')).toBeUndefined();
  });
  it('column-number rows are not data', () => {
    expect(isColumnNumberRow(['1', '2', '3', '4', '5', '6', '7'])).toBe(true);
    expect(isColumnNumberRow(['栏次', '', '1', '2', '3'])).toBe(true);
    expect(isColumnNumberRow(['201', '一般公共服务支出', '610.51'])).toBe(false);
    expect(isColumnNumberRow(['1', '3'])).toBe(false);
  });
});

describe('lines around tables', () => {
  it('titles with and without labels', () => {
    expect(classifyLine('2024年预算收支总表')).toEqual({ kind: 'title', title: '2024年预算收支总表' });
    expect(classifyLine('表一2024年预算收支总表')).toEqual({ kind: 'title', title: '2024年预算收支总表', label: '表一' });
    expect(classifyLine('公开01表')).toEqual({ kind: 'label', label: '公开01表' });
    expect(classifyLine('预算公开表1')).toEqual({ kind: 'label', label: '预算公开表1' });
    expect(classifyLine('一、收支预算总表')).toEqual({ kind: 'title', title: '收支预算总表' });
    expect(classifyLine('2024年一般公共预算支出预算表（不含上年结转）').kind).toBe('title');
  });
  it('department, unit, notes, TOC and page numbers', () => {
    expect(classifyLine('部门名称：忻州市信访局')).toEqual({ kind: 'meta', department: '忻州市信访局' });
    expect(classifyLine('单位：万元')).toEqual({ kind: 'meta', unit: '万元' });
    expect(classifyLine('编制部门：上海市普陀区司法局    单位：元')).toEqual({ kind: 'meta', department: '上海市普陀区司法局', unit: '元' });
    expect(classifyLine('注：本表无数据')).toMatchObject({ kind: 'note', empty: true });
    expect(classifyLine('表一2024年预算收支总表.....\t3').kind).toBe('toc');
    expect(classifyLine('- 12 -').kind).toBe('pagenumber');
    expect(classifyLine('第二部分 2024年部门预算报表').kind).toBe('text');
  });
  it('table kinds from titles', () => {
    expect(tableKind('2024年预算收支总表')).toBe('budget_summary');
    expect(tableKind('2025年部门财务收支预算总表')).toBe('budget_summary');
    expect(tableKind('2024年财政拨款收支总表')).toBe('fiscal_appropriation_summary');
    expect(tableKind('2024年一般公共预算安排基本支出分经济科目表（不含上年结转）')).toBe('basic_expenditure_by_economic_class');
    expect(tableKind('2025年部门一般公共预算基本支出部门预算经济分类预算表')).toBe('basic_expenditure_by_economic_class');
    expect(tableKind('收入支出决算总表')).toBe('final_income_expenditure_summary');
    expect(tableKind('财政拨款收入支出决算总表')).toBe('final_fiscal_appropriation_summary');
    expect(tableKind('2024年项目支出预算表（上年结转）')).toBe('project_expenditure_carryover');
    expect(tableKind('某某统计表')).toBe('unknown');
  });
});
