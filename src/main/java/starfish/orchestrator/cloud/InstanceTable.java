package starfish.orchestrator.cloud;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import starfish.orchestrator.testbed.Instance;

/** Renders instances as one aligned table per region, with the ssh command that opens each of them. */
public final class InstanceTable {
    private static final List<String> HEADER = List.of("INSTANCE", "PUBLIC IP", "INTERNAL IP", "STATE", "SSH");

    private InstanceTable() {
    }

    public static String render(List<Instance> instances, String sshUser, Path privateKey) {
        if (instances.isEmpty()) {
            return "no instances\n";
        }
        Map<String, List<Instance>> byRegion = new LinkedHashMap<>();
        instances.forEach(i -> byRegion.computeIfAbsent(i.region(), r -> new ArrayList<>()).add(i));
        StringBuilder out = new StringBuilder();
        byRegion.forEach((region, members) -> {
            out.append(region).append(" (").append(members.size()).append(members.size() == 1 ? " instance" : " instances").append(")\n");
            List<List<String>> rows = new ArrayList<>();
            rows.add(HEADER);
            for (Instance i : members) {
                rows.add(List.of(i.id(), i.publicIp(), i.internalIp(), i.status().name().toLowerCase(),
                        "ssh -i " + privateKey + " " + sshUser + "@" + i.publicIp()));
            }
            appendAligned(out, rows);
            out.append('\n');
        });
        return out.toString();
    }

    private static void appendAligned(StringBuilder out, List<List<String>> rows) {
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < row.size(); c++) {
                line.append(String.format("%-" + widths[c] + "s", row.get(c)));
                if (c < row.size() - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
