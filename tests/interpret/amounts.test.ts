import { describe, expect, it } from 'vitest';
import { add, dec, shift, sum, toString } from '../../src/core/decimal.js';
import { parseUnit, readCell, toYuan } from '../../src/core/amount.js';

describe('exact decimals', () => {
  it('adds without float error and keeps the printed scale', () => {
    expect(toString(add(dec('0.1'), dec('0.2')))).toBe('0.3');
    expect(toString(sum(['52.96', '-52.95'].map(dec)))).toBe('0.01');
    expect(toString(dec('8.40'))).toBe('8.40');
  });
  it('converts 万元 to 元 exactly', () => {
    expect(toString(shift(dec('694.34'), 4))).toBe('6943400');
    expect(toYuan('0.23', '万元')).toBe('2300');
    expect(toYuan('-12.5', '万元')).toBe('-125000');
    expect(toYuan('1633000', '元')).toBe('1633000');
    expect(toYuan('1', undefined)).toBeUndefined();
  });
});

describe('reading amount cells', () => {
  it.each([
    ['1,633,000', '1633000'],
    ['1,633,000.00', '1633000.00'],
    ['694.34', '694.34'],
    ['-12.50', '-12.50'],
    ['(12.50)', '-12.50'],
    ['0', '0'],
    ['0.00', '0.00'],
    [' 8.40 ', '8.40'],
    ['１２３.４５', '123.45'],
  ])('%s → %s', (raw, value) => {
    const r = readCell(raw);
    expect(r.kind).toBe('amount');
    if (r.kind === 'amount') expect(r.value).toBe(value);
  });
  it.each(['', ' ', '-', '—', '－'])('blank placeholder %j gives no amount', (raw) => {
    expect(readCell(raw).kind).toBe('blank');
  });
  it.each(['1,63,000', '12.5.3', '约12', '3.00万', 'abc'])('%j is text, never a guessed number', (raw) => {
    expect(readCell(raw).kind).toBe('text');
  });
  it('reads the unit line', () => {
    expect(parseUnit('单位：万元')).toBe('万元');
    expect(parseUnit('金额单位:元')).toBe('元');
    expect(parseUnit('部门名称：忻州市信访局   单位：元')).toBe('元');
    expect(parseUnit('部门名称：忻州市信访局')).toBeUndefined();
  });
});
