import { get, type Network } from '../api.js';
import { goldsteinColor } from '../colors.js';
import { empty, h } from '../dom.js';
import { navigate } from '../state.js';
import { ignored, type View } from './view.js';

export const networkView: View = async (root, state, charts) => {
  const data = await get<Network>('/network', state.filters);
  root.append(
    h('h2', {}, 'Actor network'),
    h(
      'p',
      { class: 'hint' },
      'Actors are nodes sized by events; a line joins two actors that faced each other, thicker for more events, from red (hostile) to green (cooperative) by mean Goldstein score. Click an actor to open its page.',
      data.truncated ? ' Only the busiest actors are drawn: narrow the filters to see the rest.' : '',
    ),
  );
  if (data.edges.length === 0) {
    root.append(empty('No dyads match these filters.', 'Events with both a source and a target make the network.'));
    return;
  }
  const el = h('div', { class: 'chart tall', 'data-testid': 'network-chart' });
  root.append(el);
  const maxNode = Math.max(...data.nodes.map((n) => n.events));
  const maxEdge = Math.max(...data.edges.map((e) => e.events));
  const chart = charts.make(el);
  chart.setOption({
    animation: false,
    tooltip: {
      formatter: (p: unknown) => {
        const item = p as {
          dataType: string;
          data: { name?: string; value?: number; source?: string; target?: string; tone?: number };
        };
        if (item.dataType === 'edge') {
          return `${item.data.source} – ${item.data.target}<br>${item.data.value} events, mean Goldstein ${item.data.tone}`;
        }
        return `${item.data.name}<br>${item.data.value} events`;
      },
    },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 260, edgeLength: [60, 180], gravity: 0.08 },
        label: { show: true, position: 'right', fontSize: 11 },
        emphasis: { focus: 'adjacency' },
        data: data.nodes.map((n) => ({
          id: n.id,
          name: n.name,
          value: n.events,
          symbolSize: 10 + 30 * Math.sqrt(n.events / maxNode),
          itemStyle: { color: n.kind === 'person' ? '#6b5b95' : n.kind === 'organization' ? '#3d7ea6' : '#4b4b4b' },
        })),
        links: data.edges.map((e) => ({
          source: e.source,
          target: e.target,
          value: e.events,
          tone: e.meanGoldstein,
          lineStyle: { width: 1 + 6 * (e.events / maxEdge), color: goldsteinColor(e.meanGoldstein), opacity: 0.85 },
        })),
      },
    ],
  });
  chart.on('click', (p) => {
    const item = p as unknown as { dataType: string; data: { id?: string } };
    if (item.dataType === 'node' && item.data.id) navigate({ view: 'actor', id: item.data.id });
  });
  const skipped = ignored(state, ['since', 'until', 'actor', 'type', 'issue', 'text']);
  if (skipped.length) root.append(h('p', { class: 'hint' }, `Not applied here: ${skipped.join(', ')}.`));
};
