import { get, type Stats, type StoredStance } from '../api.js';
import { POSITION_COLORS } from '../colors.js';
import { empty, h } from '../dom.js';
import { ignored, type View } from './view.js';

const POSITIONS = ['supports', 'proposes', 'conditions', 'demands', 'opposes'] as const;

/** Each actor's latest stance on each issue as of `day` (undated stances always count). */
function asOf(stances: readonly StoredStance[], day: string): Map<string, StoredStance> {
  const latest = new Map<string, StoredStance>();
  for (const s of stances) {
    if (s.date && s.date > day) continue;
    const key = `${s.actor.actorId}\u0000${s.issue}`;
    const prev = latest.get(key);
    if (!prev || (s.date ?? '') >= (prev.date ?? '')) latest.set(key, s);
  }
  return latest;
}

export const stancesView: View = async (root, state, charts) => {
  root.append(h('h2', {}, 'Stances'));
  const { actor, issue, since, until } = state.filters;
  const stances = await get<StoredStance[]>('/stances', { actor, issue, since, until, limit: 1000 });
  if (stances.length === 0) {
    const stats = await get<Stats>('/stats');
    root.append(
      empty(
        stats.stances === 0 ? 'No stances recorded yet.' : 'No stances match these filters.',
        stats.stances === 0
          ? `The store holds ${stats.articles} articles and ${stats.events} events, but the extractor has not recorded any actor's position on a negotiation issue in them, so there is no matrix to draw.`
          : 'Clear the actor, issue or date filters.',
      ),
    );
    return;
  }
  const dates = [...new Set(stances.map((s) => s.date).filter((d): d is string => Boolean(d)))].sort();
  const lastDay = dates[dates.length - 1] ?? '9999-12-31';
  const slider = h('input', {
    type: 'range',
    min: 0,
    max: Math.max(0, dates.length - 1),
    value: Math.max(0, dates.length - 1),
    'aria-label': 'stances as of date',
  });
  const label = h('output', {}, lastDay);
  root.append(
    h(
      'p',
      { class: 'hint' },
      'Each cell is the latest position an actor took on an issue up to the date on the slider.',
    ),
    h('label', { class: 'slider' }, 'As of ', slider, ' ', label),
  );
  const el = h('div', { class: 'chart tall', 'data-testid': 'stance-matrix' });
  root.append(el);
  const chart = charts.make(el);
  const draw = (day: string) => {
    const cells = [...asOf(stances, day).values()];
    const actors = [...new Set(cells.map((s) => s.actor.name))].sort();
    const issues = [...new Set(cells.map((s) => s.issue))].sort();
    chart.setOption(
      {
        animation: false,
        tooltip: {
          formatter: (p: unknown) => {
            const d = (p as { data: { stance: StoredStance } }).data.stance;
            return `${d.actor.name} ${d.position} ${d.issue}${d.date ? ` (${d.date})` : ''}<br>${d.evidence.text.slice(0, 200)}`;
          },
        },
        grid: { left: 160, right: 20, top: 30, bottom: 90 },
        xAxis: { type: 'category', data: issues, axisLabel: { rotate: 30 } },
        yAxis: { type: 'category', data: actors },
        visualMap: {
          type: 'piecewise',
          dimension: 2,
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          pieces: POSITIONS.map((p, i) => ({ value: i, label: p, color: POSITION_COLORS[p] })),
        },
        series: [
          {
            type: 'heatmap',
            data: cells.map((s) => ({
              value: [issues.indexOf(s.issue), actors.indexOf(s.actor.name), POSITIONS.indexOf(s.position)],
              stance: s,
            })),
            itemStyle: { borderColor: '#fff', borderWidth: 2 },
          },
        ],
      },
      { notMerge: true },
    );
  };
  slider.addEventListener('input', () => {
    const day = dates[Number(slider.value)] ?? lastDay;
    label.value = day;
    draw(day);
  });
  draw(lastDay);
  const skipped = ignored(state, ['actor', 'issue', 'since', 'until']);
  if (skipped.length) root.append(h('p', { class: 'hint' }, `Not applied here: ${skipped.join(', ')}.`));
};
