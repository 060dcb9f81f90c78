package starfish.orchestrator.cloud.vultr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A Vultr SSH key object (`id`, `name`, `ssh_key`). */
@JsonIgnoreProperties(ignoreUnknown = true)
record VultrSshKey(String id, String name, String sshKey) {
}
