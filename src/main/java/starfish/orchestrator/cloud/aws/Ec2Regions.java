package starfish.orchestrator.cloud.aws;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;
import starfish.orchestrator.settings.Settings;

/** One EC2 client and waiter per configured region, all with the same credentials and endpoint override. */
final class Ec2Regions implements AutoCloseable {
    static final String PROFILE = "default";

    private final Map<String, Ec2Client> clients = new LinkedHashMap<>();
    private final Map<String, Ec2Waiter> waiters = new LinkedHashMap<>();

    Ec2Regions(Settings settings, AwsCredentialsProvider credentials, AwsTuning tuning) {
        for (String region : settings.testbed().regions()) {
            Ec2ClientBuilder builder = Ec2Client.builder()
                    .region(Region.of(region))
                    .credentialsProvider(credentials)
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(tuning.client());
            settings.aws().endpointUrl().ifPresent(url -> builder.endpointOverride(URI.create(url)));
            Ec2Client client = builder.build();
            clients.put(region, client);
            waiters.put(region, Ec2Waiter.builder().client(client).overrideConfiguration(tuning.waiter()).build());
        }
    }

    /** `token_file` as an AWS credentials file (its `default` profile), or the SDK's default chain without one. */
    static AwsCredentialsProvider credentials(Optional<Path> tokenFile) {
        if (tokenFile.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        Path file = tokenFile.get();
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("token_file " + file + " cannot be read; for aws it is an AWS "
                    + "credentials file with a [" + PROFILE + "] profile (aws_access_key_id, aws_secret_access_key)");
        }
        ProfileFile profiles = ProfileFile.builder().content(file).type(ProfileFile.Type.CREDENTIALS).build();
        if (profiles.profile(PROFILE).isEmpty()) {
            throw new IllegalArgumentException("token_file " + file + " has no [" + PROFILE + "] profile");
        }
        return ProfileCredentialsProvider.builder().profileFile(profiles).profileName(PROFILE).build();
    }

    List<String> names() {
        return List.copyOf(clients.keySet());
    }

    /** `region` itself when it is one of the settings' regions. */
    String require(String region) {
        if (!clients.containsKey(region)) {
            throw new IllegalArgumentException("region '" + region + "' is not in the settings' regions " + names());
        }
        return region;
    }

    Ec2Client client(String region) {
        return clients.get(require(region));
    }

    Ec2Waiter waiter(String region) {
        return waiters.get(require(region));
    }

    @Override
    public void close() {
        waiters.values().forEach(Ec2Waiter::close);
        clients.values().forEach(Ec2Client::close);
    }
}
