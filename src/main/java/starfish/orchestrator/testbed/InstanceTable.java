package starfish.orchestrator.testbed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Help.Ansi;
import starfish.orchestrator.host.Instance;

/**
 * Renders instances as one aligned table per region; states are coloured on a terminal (green active, red stopped)
 * and, where the provider knows one, each row ends with the ssh command that opens the instance.
 */
public final class InstanceTable {

    private InstanceTable() {
    }

    public static String render(TestbedProvider testbed) {
        return render(testbed.instances(), testbed::sshCommand);
    }

    /** With a ROLE column: what each instance does, by instance id (instances without an entry show none). */
    public static String render(TestbedProvider testbed, Map<String, String> roles) {
        return render(testbed.instances(), testbed::sshCommand, roles, Ansi.AUTO);
    }

    public static String render(List<Instance> instances, Function<Instance, Optional<String>> sshCommand) {
        return render(instances, sshCommand, Ansi.AUTO);
    }

    static String render(List<Instance> instances, Function<Instance, Optional<String>> sshCommand, Ansi ansi) {
        return render(instances, sshCommand, Map.of(), ansi);
    }

    static String render(List<Instance> instances, Function<Instance, Optional<String>> sshCommand,
                         Map<String, String> roles, Ansi ansi) {
        if (instances.isEmpty()) {
            return "no instances\n";
        }
        boolean withRoles = !roles.isEmpty();
        boolean withSsh = instances.stream().anyMatch(i -> sshCommand.apply(i).isPresent());
        Map<String, List<Instance>> byRegion = new LinkedHashMap<>();
        instances.forEach(i -> byRegion.computeIfAbsent(i.region(), r -> new ArrayList<>()).add(i));
        StringBuilder out = new StringBuilder();
        byRegion.forEach((region, members) -> {
            out.append(region).append(" (").append(members.size())
                    .append(members.size() == 1 ? " instance" : " instances").append(")\n");
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("INSTANCE", "PUBLIC IP", "INTERNAL IP", "STATE"));
            if (withRoles) {
                header.add("ROLE");
            }
            if (withSsh) {
                header.add("SSH");
            }
            rows.add(header);
            for (Instance i : members) {
                List<String> row = new ArrayList<>(List.of(i.id(), i.publicIp(), i.internalIp(),
                        i.status().name().toLowerCase()));
                if (withRoles) {
                    row.add(roles.getOrDefault(i.id(), ""));
                }
                if (withSsh) {
                    row.add(sshCommand.apply(i).orElse(""));
                }
                rows.add(row);
            }
            appendAligned(out, rows, ansi);
            out.append('\n');
        });
        return out.toString();
    }

    private static void appendAligned(StringBuilder out, List<List<String>> rows, Ansi ansi) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < columns; c++) {
                String cell = String.format("%-" + widths[c] + "s", row.get(c));
                // colour after padding: escape codes must not count towards the column width
                line.append(r > 0 && c == 3 ? colour(cell, ansi) : cell);
                if (c < columns - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String colour(String paddedState, Ansi ansi) {
        String state = paddedState.strip();
        String style = switch (state) {
            case "active" -> "green";
            case "stopped", "terminated" -> "red";
            default -> "yellow";
        };
        return ansi.string("@|" + style + " " + state + "|@") + paddedState.substring(state.length());
    }
}
