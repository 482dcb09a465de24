package wasimoff.eval.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Renders a run's charts as PNG files with JFreeChart: throughput over time and response-time percentiles. */
public final class Charts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;

    private Charts() {
    }

    /** Requests per second (and failures per second) for every second of the run, with the user count. */
    public static Path throughputOverTime(RunResult result, String title, Path png) throws IOException {
        XYSeries ok = new XYSeries("requests/s");
        XYSeries failed = new XYSeries("failures/s");
        XYSeries users = new XYSeries("users");
        // x is the row's place in the history: the last row holds the drain after the run time
        // and may share its Unix second with the row before it
        int second = 0;
        for (RunResult.HistoryRow r : result.history()) {
            second++;
            ok.add(second, r.requestsPerSecond());
            failed.add(second, r.failuresPerSecond());
            users.add(second, r.users());
        }
        JFreeChart chart = perSecondChart(title, ok, failed);
        XYPlot plot = chart.getXYPlot();
        NumberAxis userAxis = new NumberAxis("users");
        plot.setRangeAxis(1, userAxis);
        plot.setDataset(1, new XYSeriesCollection(users));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer userRenderer = new XYLineAndShapeRenderer(true, false);
        userRenderer.setSeriesPaint(0, Color.GRAY);
        userRenderer.setSeriesStroke(0, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f));
        plot.setRenderer(1, userRenderer);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        return png;
    }

    /** Requests per second for every second of a live-scaling run, with the provider count on a second axis. */
    public static Path throughputAndProviders(RunResult result, List<Integer> starts, List<Integer> providers,
                                              String title, Path png) throws IOException {
        XYSeries ok = new XYSeries("requests/s");
        int second = 0;
        for (RunResult.HistoryRow r : result.history()) {
            second++;
            ok.add(second, r.requestsPerSecond());
        }
        XYSeries count = new XYSeries("providers");
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : second;
            count.add(starts.get(i) + 1, providers.get(i));
            count.add(end, providers.get(i));
        }
        JFreeChart chart = perSecondChart(title, ok);
        XYPlot plot = chart.getXYPlot();
        plot.setRangeAxis(1, new NumberAxis("providers"));
        plot.setDataset(1, new XYSeriesCollection(count));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, Color.DARK_GRAY);
        plot.setRenderer(1, r);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        return png;
    }

    /**
     * Successful requests and failures per second of a faults run, with a vertical marker at each
     * event (dashed where the system could not enact it).
     */
    public static Path throughputWithEvents(RunResult result, List<FaultAnalysis.Event> events, String title, Path png)
            throws IOException {
        XYSeries ok = new XYSeries("successful requests/s");
        XYSeries failed = new XYSeries("failures/s");
        int second = 0;
        for (RunResult.HistoryRow r : result.history()) {
            second++;
            ok.add(second, Math.max(0, r.requestsPerSecond() - r.failuresPerSecond()));
            failed.add(second, r.failuresPerSecond());
        }
        JFreeChart chart = perSecondChart(title, ok, failed);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesPaint(0, new Color(0x1f77b4));
        plot.getRenderer().setSeriesPaint(1, new Color(0xd62728));
        int n = 0;
        for (FaultAnalysis.Event e : events) {
            org.jfree.chart.plot.ValueMarker marker = new org.jfree.chart.plot.ValueMarker(e.second());
            marker.setPaint(e.enacted() ? Color.DARK_GRAY : Color.GRAY);
            marker.setStroke(e.enacted() ? new BasicStroke(1.5f) : new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
            marker.setLabel(e.label() + (e.enacted() ? "" : " (not enacted)"));
            marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            // events close together would print their labels over each other: stagger them
            marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4 + 14 * (n++ % 3), 2, 2, 2));
            plot.addDomainMarker(marker);
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        return png;
    }

    /** A line chart of {@code series} per second of the run, on the look every chart of a run shares. */
    private static JFreeChart perSecondChart(String title, XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) {
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "second of the run", "requests per second", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    /** The response-time percentiles of the whole run, in milliseconds. */
    public static Path responseTimePercentiles(RunResult result, String title, Path png) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, Double> e : result.summary().percentilesMillis().entrySet()) {
            data.addValue(e.getValue(), "response time", e.getKey());
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "percentile", "response time [ms]", data,
                PlotOrientation.VERTICAL, false, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        return png;
    }
}
