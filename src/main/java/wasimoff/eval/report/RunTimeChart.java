package wasimoff.eval.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import wasimoff.eval.formats.RunTimes;

/** Run time against n for every runtime, on a log scale, with one-standard-deviation error bars. */
public final class RunTimeChart {
    private RunTimeChart() {
    }

    public static Path write(Map<String, List<RunTimes>> byRuntime, String title, Path png) throws IOException {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        byRuntime.forEach((name, times) -> {
            YIntervalSeries s = new YIntervalSeries(name);
            for (RunTimes t : times) {
                double ms = t.mean() * 1000;
                double sd = t.stddev() * 1000;
                s.add(t.n(), ms, Math.max(ms - sd, ms * 0.01), ms + sd);
            }
            data.addSeries(s);
        });
        NumberAxis x = new NumberAxis("TSP size n");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        LogAxis y = new LogAxis("run time [ms] (log scale)");
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(png.toFile(), new JFreeChart(title, plot), 1000, 560);
        return png;
    }
}
