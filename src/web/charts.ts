/** Only the ECharts parts the views draw with, to keep the bundle small. */
import { BarChart, GraphChart, HeatmapChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { type ECharts, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  GraphChart,
  HeatmapChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type { ECharts };

/** Charts a view made; the app disposes of them before the next view renders so none leaks its listeners. */
export class Charts {
  private readonly made: ECharts[] = [];

  make(el: HTMLElement): ECharts {
    const chart = init(el, undefined, { renderer: 'canvas' });
    this.made.push(chart);
    return chart;
  }

  resize(): void {
    for (const c of this.made) c.resize();
  }

  disposeAll(): void {
    for (const c of this.made.splice(0)) c.dispose();
  }
}
