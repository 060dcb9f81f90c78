package starfish.orchestrator.cloud.aws;

import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * With `nvme: true` and an instance type that has instance storage, the install step formats the local NVMe disk
 * and mounts it on the working directory, so that the validators' storage does not sit on the network volume.
 */
final class InstanceStorage {
    /** On Nitro types the EBS root volume is nvme0n1; the first instance-store disk is nvme1n1. */
    static final String DEVICE = "/dev/nvme1n1";

    private InstanceStorage() {
    }

    static boolean supported(Ec2Client ec2, String instanceType) {
        return ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings(instanceType)).instanceTypes().stream()
                .anyMatch(type -> Boolean.TRUE.equals(type.instanceStorageSupported()));
    }

    /**
     * An idempotent shell command (it does nothing once mounted) run on each instance before the install. Commands
     * run inside the working directory, so a relative one is spelled from $HOME.
     */
    static String mountCommand(String workingDir, String user) {
        String dir = "\"" + (workingDir.startsWith("/") ? workingDir : "$HOME/" + workingDir) + "\"";
        return "mountpoint -q " + dir + " || (sudo mkfs.ext4 -F -q " + DEVICE + " && sudo mkdir -p " + dir
                + " && sudo mount " + DEVICE + " " + dir + " && sudo chown " + user + ":" + user + " " + dir + ")";
    }

    static Optional<String> setupCommand(boolean nvme, Ec2Client ec2, String instanceType, String workingDir, String user) {
        return nvme && supported(ec2, instanceType) ? Optional.of(mountCommand(workingDir, user)) : Optional.empty();
    }
}
