package starfish.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import starfish.orchestrator.report.SvgLineChart.Point;
import starfish.orchestrator.report.SvgLineChart.Series;

class SvgLineChartTest {

    @Test
    void drawsEverySeriesAsAPolylineInsideThePlotArea() throws Exception {
        String svg = SvgLineChart.render("Latency <p50 & p99>", "s", "ms", List.of(
                new Series("p50", "#2ca02c", List.of(new Point(0, 100), new Point(5, 300), new Point(10, 250))),
                new Series("p99", "#d62728", List.of(new Point(0, 400), new Point(5, 900), new Point(10, 700)))));

        Document document = parse(svg);
        var polylines = document.getElementsByTagName("polyline");
        assertThat(polylines.getLength()).isEqualTo(2);
        String[] p99 = ((Element) polylines.item(1)).getAttribute("points").split(" ");
        assertThat(p99).hasSize(3);
        // x: 5 s of 10 s is halfway across the plot area (70..620); y: the axis ends at 1000, the round number
        // above 900, so 900 is 90% up the plot area (276..36)
        assertThat(p99[1]).isEqualTo("345.0,60.0");
        assertThat(svg).contains("Latency &lt;p50 &amp; p99&gt;").contains(">10 s<");
    }

    @Test
    void roundsTheAxisUpToOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(SvgLineChart.niceCeiling(900)).isEqualTo(1000);
        assertThat(SvgLineChart.niceCeiling(1001)).isEqualTo(2000);
        assertThat(SvgLineChart.niceCeiling(0.3)).isEqualTo(0.5);
        assertThat(SvgLineChart.niceCeiling(0)).isEqualTo(1);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }
}
