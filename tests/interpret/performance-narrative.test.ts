import { describe, expect, it } from 'vitest';
import { figuresOfSentence } from '../../src/interpret/narrative.js';
import { docFromText, tsv } from '../helpers.js';

describe('项目支出绩效目标表 as a record', () => {
  const form = tsv(
    ['项目名称', '', '安保人员及委托业务经费', '', '', '', '', ''],
    ['主管部门及代码', '', '113-忻州市信访局', '', '实施单位', '', '忻州市信访局', ''],
    ['项目属性', '', '一次性项目（1年结束）', '', '项目期', '', '1年', ''],
    ['项目资金（元）', '实施期资金总额：', '400,000', '', '年度资金总额：', '400,000', '', ''],
    ['', '其中：中央财政资金', '0', '', '其中：中央财政资金', '0', '', ''],
    ['', '市县（区）财政资', '400,000', '', '市县（区）财政资', '400,000', '', ''],
    ['', '金', '', '', '金', '', '', ''],
    ['总体目标', '', '实施期的目标', '', '', '', '年度的目标', ''],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'],
    ['', '产出指标', '数量指标', '安保人员', '10人', '数量指标', '安保人员', '10人'],
    ['', '', '质量指标', '足额发放率', '100%', '质量指标', '足额发放率', '100%'],
    ['', '效益指标', '经济效益指标', '', '', '经济效益指标', '', ''],
    ['负责人：', '经办人：', '联系电话：', '', '填报日期：', '20240105180010', '', ''],
  );
  const doc = docFromText(`忻州市市级预算部门（单位）项目支出绩效目标表\n\n(2024年度)\n\n${form}\n`);

  it('reads the key fields and both fund sets in 元', () => {
    expect(doc.projects).toHaveLength(1);
    const p = doc.projects[0];
    expect(p).toMatchObject({
      name: '安保人员及委托业务经费',
      department: '113-忻州市信访局',
      departmentCode: '113',
      implementingUnit: '忻州市信访局',
      attribute: '一次性项目（1年结束）',
      period: '1年',
      fundsUnit: '元',
      implementationFunds: { total: '400000', central: '0', local: '400000' },
      annualFunds: { total: '400000', central: '0', local: '400000' },
      goals: { implementation: '实施期的目标', annual: '年度的目标' },
    });
    expect(doc.tables[0].kind).toBe('project_performance');
  });

  it('reads the indicator tree for both periods, carrying 一级/二级 down', () => {
    const annual = doc.projects[0].indicators.filter((i) => i.period === '年度');
    expect(annual).toEqual([
      { level1: '产出指标', level2: '数量指标', level3: '安保人员', value: '10人', period: '年度' },
      { level1: '产出指标', level2: '质量指标', level3: '足额发放率', value: '100%', period: '年度' },
    ]);
    expect(doc.projects[0].indicators.filter((i) => i.period === '实施期')).toHaveLength(2);
  });
});

describe('narrative figures', () => {
  it('amounts, changes against the previous year, growth rates, with the subject of the whole', () => {
    const s = '2024年度忻州市信访局预算收入总计694.34万元，其中：本年收入694.34万元，上年结转0万元，比上年增加151.26万元，增长27.85%。';
    const f = figuresOfSentence(s);
    expect(f.map((x) => [x.kind, x.subject, x.value, x.unit, x.direction ?? ''])).toEqual([
      ['amount', '2024年度忻州市信访局预算收入总计', '694.34', '万元', ''],
      ['amount', '本年收入', '694.34', '万元', ''],
      ['amount', '上年结转', '0', '万元', ''],
      ['change', '2024年度忻州市信访局预算收入总计', '151.26', '万元', 'increase'],
      ['growth', '2024年度忻州市信访局预算收入总计', '27.85', '%', 'increase'],
    ]);
    expect(f[3].sentence).toBe(s);
  });
  it('shares and decreases against a named year', () => {
    expect(figuresOfSentence('其中：基本支出298.21万元，占42.95%；').map((x) => [x.kind, x.subject, x.value])).toEqual([
      ['amount', '基本支出', '298.21'],
      ['share', '基本支出', '42.95'],
    ]);
    const f = figuresOfSentence('机关运行经费财政拨款57.96万元，比2023年预算减少0.64万元，下降1.09%');
    expect(f[1]).toMatchObject({ kind: 'change', direction: 'decrease', previous: '2023年', value: '0.64' });
    expect(f[2]).toMatchObject({ kind: 'growth', direction: 'decrease', value: '1.09' });
  });
});
