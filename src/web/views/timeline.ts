import { get, type Timeline } from '../api.js';
import { EVENT_TYPES, QUAD_NAMES, typeColor } from '../colors.js';
import { empty, h } from '../dom.js';
import { navigate } from '../state.js';
import type { View } from './view.js';

const QUAD_OF: Record<string, number> = {
  AGREE: 1,
  CONSULT: 1,
  SUPPORT: 1,
  CONCEDE: 2,
  COOPERATE: 2,
  AID: 2,
  RETREAT: 2,
  REQUEST: 3,
  ACCUSE: 3,
  REJECT: 3,
  THREATEN: 3,
  PROTEST: 3,
  SANCTION: 4,
  MOBILIZE: 4,
  COERCE: 4,
  ASSAULT: 4,
};

function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d.toISOString().slice(0, 10) <= last; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

export const timelineView: View = async (root, state, charts) => {
  const data = await get<Timeline>('/timeline', state.filters);
  root.append(
    h('h2', {}, 'Events over time'),
    h(
      'p',
      { class: 'hint' },
      `${data.total} events by type, coloured from cooperation (blue, green) to conflict (orange, red). Drag the handles under the chart to set the date range for every view.`,
      data.undated ? ` ${data.undated} events have no date and are not drawn.` : '',
      data.truncated ? ' Only the first 20,000 events were counted: narrow the filters.' : '',
    ),
  );
  if (data.buckets.length === 0) {
    root.append(empty('No events match these filters.', 'Clear a filter or ingest more articles.'));
    return;
  }
  const first = data.buckets[0]?.date ?? '';
  const last = data.buckets[data.buckets.length - 1]?.date ?? first;
  // A continuous day axis: gaps between reports stay visible as gaps.
  const axis = days(first, last);
  const index = new Map(axis.map((d, i) => [d, i]));
  const present = EVENT_TYPES.filter((t) => data.buckets.some((b) => b.type === t));
  const series = present.map((type) => {
    const values = new Array<number>(axis.length).fill(0);
    for (const b of data.buckets) if (b.type === type) values[index.get(b.date) ?? 0] = b.count;
    return {
      name: type,
      type: 'bar' as const,
      stack: 'events',
      data: values,
      itemStyle: { color: typeColor(type) },
      barMaxWidth: 28,
    };
  });
  const el = h('div', { class: 'chart', id: 'timeline-chart', 'data-testid': 'timeline-chart' });
  root.append(el);
  const chart = charts.make(el);
  chart.setOption({
    animation: false,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: unknown) => {
        const list = (items as { axisValue: string; seriesName: string; value: number; color: string }[]).filter(
          (i) => i.value > 0,
        );
        const head = list[0]?.axisValue ?? '';
        return [
          head,
          ...list.map((i) => `${i.seriesName} (${QUAD_NAMES[QUAD_OF[i.seriesName] ?? 0] ?? ''}): ${i.value}`),
        ].join('<br>');
      },
    },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 80 },
    xAxis: { type: 'category', data: axis },
    yAxis: { type: 'value', minInterval: 1, name: 'events' },
    dataZoom: [
      { type: 'slider', xAxisIndex: 0, bottom: 20, height: 28 },
      { type: 'inside', xAxisIndex: 0 },
    ],
    series,
  });
  chart.on('datazoom', () => {
    const opt = chart.getOption() as { dataZoom?: { startValue?: number; endValue?: number }[] };
    const zoom = opt.dataZoom?.[0];
    if (zoom?.startValue === undefined || zoom.endValue === undefined) return;
    const since = axis[zoom.startValue];
    const until = axis[zoom.endValue];
    // The chart keeps showing the whole span so the brush can widen again; the other views get the range.
    navigate(
      { since: since === first ? null : since, until: until === last ? null : until },
      { replace: true, quiet: true },
    );
  });
};
