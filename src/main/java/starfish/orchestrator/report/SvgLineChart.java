package starfish.orchestrator.report;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A small line chart as SVG: one or more series of points, both axes from zero, a few labelled grid lines. Used for
 * metrics over time in Allure reports and for latency-throughput curves.
 */
public final class SvgLineChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 36;
    private static final int BOTTOM = 44;
    private static final int GRID_LINES = 5;
    /** A series of a few points (the runs of a sweep) shows each as a dot; a long time series only its line. */
    private static final int MARKED_POINTS = 12;

    public record Point(double x, double y) {
    }

    public record Series(String name, String color, List<Point> points) {
    }

    private SvgLineChart() {
    }

    /** Points are joined in the order given; `xUnit` and `yUnit` label the axes. */
    public static String render(String title, String xUnit, String yUnit, List<Series> series) {
        double maxX = max(series, Point::x);
        double maxY = niceCeiling(max(series, Point::y));
        StringBuilder svg = new StringBuilder()
                .append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                        + "height=\"%d\" viewBox=\"0 0 %1$d %2$d\" style=\"max-width:100%%;height:auto\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT))
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
                .append(text(WIDTH / 2.0, 20, "middle", title));
        for (int i = 0; i <= GRID_LINES; i++) {
            double value = maxY * i / GRID_LINES;
            double y = yOf(value, maxY);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#ddd"))
                    .append(text(LEFT - 6, y + 4, "end", label(value)));
        }
        svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#333"))
                .append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#333"))
                .append(text(LEFT - 6, TOP - 10, "end", yUnit))
                .append(text(LEFT, HEIGHT - BOTTOM + 16, "start", "0 " + xUnit))
                .append(text(WIDTH - RIGHT, HEIGHT - BOTTOM + 16, "end", label(maxX) + " " + xUnit));
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            svg.append(polyline(line, maxX, maxY))
                    .append(text(LEFT + 10 + 120 * s, HEIGHT - 10, "start", "— " + line.name(), line.color()));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String polyline(Series series, double maxX, double maxY) {
        StringBuilder points = new StringBuilder();
        for (Point p : series.points()) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xOf(p.x(), maxX), yOf(p.y(), maxY)));
        }
        StringBuilder svg = new StringBuilder("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
                .append(series.color()).append("\" points=\"").append(points.toString().trim()).append("\"/>\n");
        if (series.points().size() <= MARKED_POINTS) {
            for (Point p : series.points()) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                        xOf(p.x(), maxX), yOf(p.y(), maxY), series.color()));
            }
        }
        return svg.toString();
    }

    private static double xOf(double x, double maxX) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (maxX == 0 ? 0 : x / maxX);
    }

    private static double yOf(double y, double maxY) {
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (maxY == 0 ? 0 : y / maxY);
    }

    private static double max(List<Series> series, ToDoubleFunction<Point> axis) {
        return series.stream().flatMap(s -> s.points().stream()).mapToDouble(axis).max().orElse(0);
    }

    /** 1, 2 or 5 times a power of ten, so that grid labels are round numbers. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (value <= step * magnitude) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String line(double x1, double y1, double x2, double y2, String color) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1, y1, x2, y2, color);
    }

    private static String text(double x, double y, String anchor, String content) {
        return text(x, y, anchor, content, "#333");
    }

    private static String text(double x, double y, String anchor, String content, String color) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">%s</text>%n",
                x, y, anchor, color, Html.escape(content));
    }
}
