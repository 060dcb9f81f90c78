package starfish.orchestrator.cloud.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions into messages a user can act on: EC2's error code first, then its text and HTTP status. */
final class Ec2Failure {

    private Ec2Failure() {
    }

    static RuntimeException explain(String doing, RuntimeException e) {
        if (!(e instanceof SdkException)) {
            return e;
        }
        return new IllegalStateException(doing + " failed: " + describe(e), e);
    }

    /** `action` with its SDK failures explained, for rollback steps whose messages reach the user. */
    static Runnable explained(String doing, Runnable action) {
        return () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                throw explain(doing, e);
            }
        };
    }

    static String describe(RuntimeException e) {
        if (e instanceof AwsServiceException service) {
            var details = service.awsErrorDetails();
            int status = service.statusCode();
            if (details == null || details.errorCode() == null) {
                return status == 401 || status == 403
                        ? "EC2 refused the credentials (HTTP " + status + "); check token_file or the default credential chain"
                        : "EC2 answered HTTP " + status;
            }
            return details.errorCode() + ": " + details.errorMessage() + " (HTTP " + status + ")";
        }
        return e.getMessage();
    }
}
