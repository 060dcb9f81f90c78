package starfish.orchestrator.stability;

import java.util.List;
import java.util.Locale;

/**
 * The committee over one sampling window of a long run: which window, how many validators were up and whether an
 * outage was on, and the summary's figures computed over that window alone (honest validators; CPU, memory and
 * storage per round as the median over validators).
 */
public record StabilitySample(int index, double startSeconds, double endSeconds, int validatorsUp,
                              boolean outageActive, double tps, double bps, double transactionP50Ms,
                              double transactionP90Ms, double transactionP99Ms, double blockP50Ms,
                              double bandwidthBytesPerSecond, double bandwidthEfficiency, double cpuCoresP50,
                              double residentMemoryBytesP50, double storageBytesPerRoundP50) {

    static final List<String> COLUMNS = List.of("sample", "start_s", "end_s", "validators_up", "outage_active", "tps",
            "bps", "transaction_latency_p50_ms", "transaction_latency_p90_ms", "transaction_latency_p99_ms",
            "block_latency_p50_ms", "bandwidth_bytes_per_s", "bandwidth_efficiency", "cpu_cores_p50",
            "resident_memory_bytes_p50", "storage_bytes_per_round_p50");

    String csvRecord() {
        return String.join(",", String.valueOf(index), number(startSeconds), number(endSeconds),
                String.valueOf(validatorsUp), String.valueOf(outageActive), number(tps), number(bps),
                number(transactionP50Ms), number(transactionP90Ms), number(transactionP99Ms), number(blockP50Ms),
                number(bandwidthBytesPerSecond), number(bandwidthEfficiency), number(cpuCoresP50),
                number(residentMemoryBytesP50), number(storageBytesPerRoundP50));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
