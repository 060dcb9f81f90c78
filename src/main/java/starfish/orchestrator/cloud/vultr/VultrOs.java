package starfish.orchestrator.cloud.vultr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An operating system Vultr offers (`GET /os`). */
@JsonIgnoreProperties(ignoreUnknown = true)
record VultrOs(int id, String name, String arch, String family) {

    boolean isUbuntu2404x64() {
        return name != null && name.startsWith("Ubuntu 24.04") && "x64".equals(arch);
    }
}
