package starfish.orchestrator.measurement;

/** The outcome of comparing honest validators' committed sequences; `detail` is empty when they agree. */
public record SafetyVerdict(Safety safety, String detail) {

    public static SafetyVerdict ok() {
        return new SafetyVerdict(Safety.OK, "");
    }
}
