package starfish.orchestrator.simulated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import starfish.node.config.ClientParameters;
import starfish.node.config.NodeParameters;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.CommittedLog;
import starfish.orchestrator.measurement.SafetyCheck;
import starfish.orchestrator.measurement.SafetyVerdict;
import starfish.orchestrator.measurement.ValidatorScrape;
import starfish.protocol.ValidatorMetric;
import starfish.simulation.CostModel;
import starfish.simulation.SimulatedCommittee;
import starfish.simulation.SimulationSpec;

/**
 * Runs one exploration scenario and judges it: safety over the honest validators' committed logs (the check every
 * benchmark uses), liveness as every honest validator committing more during the last half of the settling phase.
 */
final class ExplorationRun {

    private static final double LOAD = 100;
    private static final String SEQUENCE_LENGTH = ValidatorMetric.COMMITTED_SEQUENCE_LENGTH.exposedName();

    /** What one seed gave; `allowedStall` says why the protocol may stall in this scenario, if it may. */
    record Verdict(ExplorationScenario scenario, SafetyVerdict safety, List<Integer> stalled,
                   Optional<String> allowedStall) {

        boolean failed() {
            return safety.safety() == Safety.VIOLATED || !stalled.isEmpty() && allowedStall.isEmpty();
        }

        /** Not live, but only where the protocol's timing assumption does not hold. */
        boolean stalledAsAllowed() {
            return !stalled.isEmpty() && allowedStall.isPresent();
        }
    }

    private ExplorationRun() {
    }

    static Verdict run(ExplorationScenario scenario, Path directory) {
        SimulationSpec spec = new SimulationSpec(scenario.consensus(), scenario.committee(), LOAD,
                scenario.byzantine(), scenario.links(), 0, CostModel.ZERO, NodeParameters.DEFAULTS,
                ClientParameters.DEFAULTS, scenario.seed());
        List<Integer> honest = new ArrayList<>();
        for (int i = 0; i < scenario.committee(); i++) {
            if (!scenario.byzantine().containsKey(i)) {
                honest.add(i);
            }
        }
        try (SimulatedCommittee committee = new SimulatedCommittee(spec, directory)) {
            committee.startAll();
            applyCrashes(committee, scenario);
            Duration checkpoint = scenario.turbulent().plus(scenario.settle().dividedBy(2));
            committee.runUntil(checkpoint);
            Map<Integer, Double> before = sequenceLengths(committee, honest);
            committee.runUntil(scenario.end());
            Map<Integer, Double> after = sequenceLengths(committee, honest);
            List<Integer> stalled = honest.stream().filter(i -> after.get(i) <= before.get(i)).toList();
            committee.close();
            Map<Integer, CommittedLog> logs = new LinkedHashMap<>();
            honest.forEach(i -> logs.put(i, CommittedLog.read(i, committee.committedLog(i))));
            return new Verdict(scenario, SafetyCheck.check(logs), stalled,
                    scenario.stallAllowedBy(Duration.ofMillis(spec.nodeParameters().leaderTimeoutMs())));
        }
    }

    /** Crashes and restarts in time order; every crashed validator is back when the turbulent phase ends. */
    private static void applyCrashes(SimulatedCommittee committee, ExplorationScenario scenario) {
        record Step(Duration at, int authority, boolean up) {
        }
        List<Step> steps = new ArrayList<>();
        for (ExplorationScenario.CrashStep crash : scenario.crashes()) {
            steps.add(new Step(crash.at(), crash.authority(), false));
            Duration back = crash.until().compareTo(scenario.turbulent()) < 0 ? crash.until() : scenario.turbulent();
            steps.add(new Step(back, crash.authority(), true));
        }
        steps.sort(Comparator.comparing(Step::at));
        for (Step step : steps) {
            committee.runUntil(step.at());
            if (step.up()) {
                committee.start(step.authority());
            } else {
                committee.crash(step.authority());
            }
        }
    }

    private static Map<Integer, Double> sequenceLengths(SimulatedCommittee committee, List<Integer> honest) {
        Map<Integer, Double> lengths = new LinkedHashMap<>();
        for (int i : honest) {
            lengths.put(i, ValidatorScrape.parser().parse(committee.metricsText(i)).samples().stream()
                    .filter(s -> s.name().equals(SEQUENCE_LENGTH)).mapToDouble(s -> s.value()).findFirst()
                    .orElse(0));
        }
        return lengths;
    }
}
