package wasimoff.eval.report;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * The comparison's charts of one placement and TSP size, each as PNG and SVG: requests/s per fleet
 * grouped by system (the seed's histogram figure), p50 and p99 per fleet and system, the failure
 * ratio and, where the runs recorded it, the efficiency (successful requests/s over the CPU-bound
 * limit) per fleet and system. A bar is the median over a point's repetitions; with two or more repetitions it carries an
 * error bar, the 95% confidence interval of their mean.
 */
final class ComparisonCharts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;
    private static final Color[] SYSTEM_COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};

    private ComparisonCharts() {
    }

    /** Writes the charts of {@code points} (all of one placement and TSP size) into {@code dir}; returns the files. */
    static List<Path> write(String title, List<PointFigures> points, List<String> systems, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        JFreeChart throughput = new JFreeChart("Throughput: " + title, JFreeChart.DEFAULT_TITLE_FONT,
                plot(points, systems, PointFigures::requestsPerSecond, "requests per second"), true);
        CombinedDomainCategoryPlot latency = new CombinedDomainCategoryPlot(new CategoryAxis("fleet"));
        CategoryPlot p50 = plot(points, systems, PointFigures::p50Millis, "p50 response time [ms]");
        latency.add(p50);
        latency.add(plot(points, systems, PointFigures::p99Millis, "p99 response time [ms]"));
        // both halves have the same systems: one legend
        LegendItemCollection legend = p50.getLegendItems();
        latency.setFixedLegendItems(legend);
        JFreeChart responseTimes = new JFreeChart("Response times: " + title, JFreeChart.DEFAULT_TITLE_FONT,
                latency, true);
        CategoryPlot failurePlot = plot(points, systems, PointFigures::failureRatio, "failure ratio");
        NumberAxis ratioAxis = (NumberAxis) failurePlot.getRangeAxis();
        ratioAxis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        ratioAxis.setAutoRangeMinimumSize(0.01);
        JFreeChart failures = new JFreeChart("Failure ratio: " + title, JFreeChart.DEFAULT_TITLE_FONT, failurePlot,
                true);
        JFreeChart efficiency = hasEfficiency(points) ? efficiencyChart(title, points, systems) : null;
        boolean repeated = points.stream().anyMatch(p -> p.repetitions() > 1);
        List<JFreeChart> charts = new ArrayList<>(List.of(throughput, responseTimes, failures));
        if (efficiency != null) {
            charts.add(efficiency);
        }
        for (JFreeChart chart : charts) {
            chart.setBackgroundPaint(Color.WHITE);
            if (repeated) {
                chart.addSubtitle(new TextTitle("bars: median over a point's runs; whiskers: 95% confidence interval"
                        + " of the mean (Student's t)"));
            }
        }
        List<Path> files = new ArrayList<>(List.of(png(throughput, dir.resolve("throughput.png"), HEIGHT),
                svg(throughput, dir.resolve("throughput.svg"), HEIGHT),
                png(responseTimes, dir.resolve("response-times.png"), HEIGHT * 4 / 3),
                svg(responseTimes, dir.resolve("response-times.svg"), HEIGHT * 4 / 3),
                png(failures, dir.resolve("failures.png"), HEIGHT),
                svg(failures, dir.resolve("failures.svg"), HEIGHT)));
        if (efficiency != null) {
            files.add(png(efficiency, dir.resolve("efficiency.png"), HEIGHT));
            files.add(svg(efficiency, dir.resolve("efficiency.svg"), HEIGHT));
        }
        return files;
    }

    /** True when some point recorded its efficiency, so that an efficiency chart has bars. */
    static boolean hasEfficiency(List<PointFigures> points) {
        return points.stream().anyMatch(p -> !Double.isNaN(p.efficiency().median()));
    }

    private static JFreeChart efficiencyChart(String title, List<PointFigures> points, List<String> systems) {
        CategoryPlot plot = plot(points, systems, PointFigures::efficiency,
                "efficiency: successful req/s over the CPU-bound limit");
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        axis.setAutoRangeMinimumSize(0.1);
        JFreeChart chart = new JFreeChart("Efficiency: " + title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        if (points.stream().anyMatch(p -> p.capacity().map(RunEfficiency::machineBound).orElse(false))) {
            chart.addSubtitle(new TextTitle("some fleets asked for more vCPUs than this machine has: their limit is"
                    + " the machine's, not the system's"));
        }
        return chart;
    }

    /** Bars of one figure: fleets along the axis, one bar per system. */
    private static CategoryPlot plot(List<PointFigures> points, List<String> systems,
                                     Function<PointFigures, PointFigures.Spread> figure, String axisLabel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        ErrorBarRenderer renderer = new ErrorBarRenderer();
        for (String system : systems) {
            // a row per system even where it has no point, so every chart gives a system the same colour
            data.addValue(null, system, points.get(0).key().fleet());
        }
        for (PointFigures p : points) {
            PointFigures.Spread spread = figure.apply(p);
            Double median = Double.isNaN(spread.median()) ? null : spread.median();
            data.addValue(median, p.key().system(), p.key().fleet());
            if (spread.ci().defined()) {
                renderer.interval(p.key().system(), p.key().fleet(), Math.max(0, spread.ci().low()),
                        spread.ci().high());
            }
        }
        for (int i = 0; i < systems.size(); i++) {
            renderer.setSeriesPaint(i, SYSTEM_COLOURS[i % SYSTEM_COLOURS.length]);
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("fleet"), new NumberAxis(axisLabel), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static Path png(JFreeChart chart, Path file, int height) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, height);
        return file;
    }

    private static Path svg(JFreeChart chart, Path file, int height) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, height));
        SVGUtils.writeToSVG(file.toFile(), g2.getSVGElement());
        return file;
    }
}
