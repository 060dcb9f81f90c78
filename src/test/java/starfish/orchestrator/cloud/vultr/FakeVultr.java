package starfish.orchestrator.cloud.vultr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A stateful stand-in for the Vultr API v2 under /v2 on a local MockWebServer, with its JSON shapes: lists under a
 * plural field plus `meta.total` and `meta.links.next/prev` cursors, `{"error": ..., "status": ...}` errors, 202 on
 * instance creation (with a `default_password`), 204 on deletes and bulk actions. New instances pass through
 * pending -> active/installingbooting -> active/ok, one step per listing.
 */
public final class FakeVultr extends Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Call(String method, String path, String query, String authorization, JsonNode body) {
        String param(String name) {
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    private record Failure(Predicate<Call> when, AtomicInteger remaining, Supplier<MockResponse> response) {
    }

    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    public final List<ObjectNode> instances = Collections.synchronizedList(new ArrayList<>());
    public final List<ObjectNode> sshKeys = Collections.synchronizedList(new ArrayList<>());
    public final List<ObjectNode> firewallGroups = Collections.synchronizedList(new ArrayList<>());
    /** Firewall group id -> its rules. */
    final Map<String, List<ObjectNode>> firewallRules = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Vultr's default limit of rules per firewall group. */
    static final int MAX_RULES = 50;
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private final String token;
    volatile int pageSize = 100;
    /** Instances created from now on stay pending. */
    volatile boolean stuck;

    public FakeVultr(String token) {
        this.token = token;
    }

    /** Answers `times` matching calls with a fresh copy of `response` (a response body can be sent only once). */
    void fail(Predicate<Call> when, int times, Supplier<MockResponse> response) {
        failures.add(new Failure(when, new AtomicInteger(times), response));
    }

    static MockResponse error(int status, String message) {
        return json(status, "{\"error\":\"" + message + "\",\"status\":" + status + "}");
    }

    List<Call> calls(String method, String path) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.method.equals(method) && c.path.equals(path)).toList();
        }
    }

    ObjectNode addInstance(String region, String status, String powerStatus, List<String> tags) {
        ObjectNode instance = newInstance(region, "existing-" + ids.incrementAndGet(), "");
        ArrayNode tagArray = instance.putArray("tags");
        tags.forEach(tagArray::add);
        instance.put("status", status).put("power_status", powerStatus).put("server_status", "ok")
                .put("main_ip", "192.0.2." + (10 + ids.get()));
        instances.add(instance);
        return instance;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Call call = new Call(request.getMethod(), request.getUrl().encodedPath(), request.getUrl().encodedQuery(),
                request.getHeaders().get("Authorization"), body.isEmpty() ? null : read(body));
        calls.add(call);
        synchronized (failures) {
            for (Failure f : failures) {
                if (f.when.test(call) && f.remaining.getAndDecrement() > 0) {
                    return f.response.get();
                }
            }
        }
        if (!("Bearer " + token).equals(call.authorization)) {
            return error(401, "Invalid API token.");
        }
        String path = call.path;
        if (call.method.equals("GET") && path.equals("/v2/os")) {
            return page("os", List.of(os(1743, "Ubuntu 22.04 LTS x64", "x64"), os(2136, "Debian 12 x64 (bookworm)", "x64"),
                    os(2284, "Ubuntu 24.04 LTS x64", "x64"), os(2285, "Ubuntu 24.04 LTS arm64", "arm64")), call, 2);
        }
        if (call.method.equals("GET") && path.equals("/v2/ssh-keys")) {
            return page("ssh_keys", snapshot(sshKeys), call, pageSize);
        }
        if (call.method.equals("POST") && path.equals("/v2/ssh-keys")) {
            ObjectNode key = JSON.createObjectNode().put("id", "key-" + ids.incrementAndGet())
                    .put("date_created", "2026-11-25T14:00:00+00:00").put("name", call.body.path("name").asText())
                    .put("ssh_key", call.body.path("ssh_key").asText());
            sshKeys.add(key);
            return json(201, "{\"ssh_key\":" + key + "}");
        }
        if (call.method.equals("DELETE") && path.startsWith("/v2/ssh-keys/")) {
            return remove(sshKeys, path.substring("/v2/ssh-keys/".length()));
        }
        if (path.equals("/v2/firewalls") || path.startsWith("/v2/firewalls/")) {
            return firewalls(call);
        }
        if (call.method.equals("PATCH") && path.startsWith("/v2/instances/")) {
            String id = path.substring("/v2/instances/".length());
            ObjectNode instance = snapshot(instances).stream().filter(i -> i.path("id").asText().equals(id)).findFirst()
                    .orElse(null);
            if (instance == null) {
                return error(404, "Invalid instance-id.");
            }
            call.body.fields().forEachRemaining(field -> instance.set(field.getKey(), field.getValue()));
            return json(202, "{\"instance\":" + instance + "}");
        }
        if (call.method.equals("GET") && path.equals("/v2/instances")) {
            String tag = call.param("tag");
            List<ObjectNode> tagged = snapshot(instances).stream()
                    .filter(i -> tag == null || i.path("tags").toString().contains("\"" + tag + "\"")).toList();
            MockResponse response = page("instances", tagged, call, pageSize);
            tagged.forEach(FakeVultr::advance);
            return response;
        }
        if (call.method.equals("POST") && path.equals("/v2/instances")) {
            return createInstance(call);
        }
        if (call.method.equals("POST") && (path.equals("/v2/instances/start") || path.equals("/v2/instances/halt"))) {
            boolean start = path.endsWith("start");
            for (JsonNode id : call.body.path("instance_ids")) {
                snapshot(instances).stream().filter(i -> i.path("id").asText().equals(id.asText()))
                        .forEach(i -> i.put("power_status", start ? "running" : "stopped"));
            }
            return new MockResponse.Builder().code(204).build();
        }
        if (call.method.equals("DELETE") && path.startsWith("/v2/instances/")) {
            return remove(instances, path.substring("/v2/instances/".length()));
        }
        return error(404, "Not found");
    }

    /** /v2/firewalls (list, create), /v2/firewalls/{id} (delete) and /v2/firewalls/{id}/rules[/{rule}]. */
    private MockResponse firewalls(Call call) {
        String[] parts = call.path.substring("/v2/firewalls".length()).split("/");
        String groupId = parts.length > 1 ? parts[1] : null;
        if (groupId == null) {
            if (call.method.equals("GET")) {
                snapshot(firewallGroups).forEach(g -> g.put("rule_count", firewallRules.getOrDefault(
                        g.path("id").asText(), List.of()).size()));
                return page("firewall_groups", snapshot(firewallGroups), call, pageSize);
            }
            ObjectNode group = JSON.createObjectNode().put("id", String.format("1234abcd-0000-4000-8000-%012d",
                            ids.incrementAndGet())).put("description", call.body.path("description").asText())
                    .put("date_created", "2026-11-25T14:00:00+00:00").put("date_modified", "2026-11-25T14:00:00+00:00")
                    .put("instance_count", 0).put("rule_count", 0).put("max_rule_count", MAX_RULES);
            firewallGroups.add(group);
            firewallRules.put(group.path("id").asText(), Collections.synchronizedList(new ArrayList<>()));
            return json(201, "{\"firewall_group\":" + group + "}");
        }
        List<ObjectNode> rules = firewallRules.get(groupId);
        if (rules == null) {
            return error(404, "Invalid firewall group.");
        }
        if (parts.length == 2 && call.method.equals("DELETE")) {
            firewallRules.remove(groupId);
            return remove(firewallGroups, groupId);
        }
        if (parts.length == 3 && call.method.equals("GET")) {
            return page("firewall_rules", snapshot(rules), call, pageSize);
        }
        if (parts.length == 3 && call.method.equals("POST")) {
            if (rules.size() >= MAX_RULES) {
                return error(400, "Maximum number of firewall rules reached for this group.");
            }
            ObjectNode rule = JSON.createObjectNode().put("id", rules.stream().mapToInt(r -> r.path("id").asInt())
                            .max().orElse(0) + 1).put("type", call.body.path("ip_type").asText())
                    .put("ip_type", call.body.path("ip_type").asText()).put("action", "accept")
                    .put("protocol", call.body.path("protocol").asText()).put("port", call.body.path("port").asText(""))
                    .put("subnet", call.body.path("subnet").asText()).put("subnet_size", call.body.path("subnet_size").asInt())
                    .put("source", "").put("notes", call.body.path("notes").asText(""));
            rules.add(rule);
            return json(201, "{\"firewall_rule\":" + rule + "}");
        }
        if (parts.length == 4 && call.method.equals("DELETE")) {
            return remove(rules, parts[3]);
        }
        return error(404, "Not found");
    }

    private MockResponse createInstance(Call call) {
        ObjectNode instance = newInstance(call.body.path("region").asText(), call.body.path("label").asText(),
                call.body.path("tags").path(0).asText());
        instance.put("plan", call.body.path("plan").asText()).put("os_id", call.body.path("os_id").asInt())
                .put("hostname", call.body.path("hostname").asText());
        instance.put("firewall_group_id", call.body.path("firewall_group_id").asText(""));
        instance.set("tags", call.body.path("tags").deepCopy());
        if (call.body.path("enable_vpc").asBoolean()) {
            instance.put("vpc", true);
        }
        if (stuck) {
            instance.put("stuck", true);
        }
        instances.add(instance);
        ObjectNode answer = instance.deepCopy().put("default_password", "v5{Zq9-example-root-password");
        answer.remove(List.of("stuck", "vpc"));
        return json(202, "{\"instance\":" + answer + "}");
    }

    private ObjectNode newInstance(String region, String label, String tag) {
        int n = ids.incrementAndGet();
        ObjectNode instance = JSON.createObjectNode()
                .put("id", String.format("cb676a46-66fd-4dfb-b839-%012d", n)).put("os", "Ubuntu 24.04 LTS x64")
                .put("ram", 32768).put("disk", 640).put("main_ip", "0.0.0.0").put("vcpu_count", 8).put("region", region)
                .put("plan", "vc2-8c-32gb").put("date_created", String.format("2026-11-25T14:%02d:00+00:00", n % 60))
                .put("status", "pending").put("allowed_bandwidth", 6).put("netmask_v4", "").put("gateway_v4", "0.0.0.0")
                .put("power_status", "running").put("server_status", "none").put("v6_network", "").put("v6_main_ip", "")
                .put("v6_network_size", 0).put("label", label).put("internal_ip", "").put("kvm", "")
                .put("hostname", label).put("tag", "").put("os_id", 2284).put("app_id", 0).put("image_id", "")
                .put("firewall_group_id", "").put("user_scheme", "root");
        instance.putArray("features");
        instance.putArray("tags").add(tag);
        return instance;
    }

    /** One step of a new instance's boot, as seen by successive listings. */
    private static void advance(ObjectNode instance) {
        if (instance.has("stuck")) {
            return;
        }
        if (instance.path("status").asText().equals("pending")) {
            int n = Integer.parseInt(instance.path("id").asText().substring(24));
            instance.put("status", "active").put("server_status", "installingbooting").put("main_ip", "192.0.2." + (100 + n))
                    .put("internal_ip", instance.has("vpc") ? "10.1.96." + n : "");
        } else if (instance.path("server_status").asText().equals("installingbooting")) {
            instance.put("server_status", "ok");
        }
    }

    private MockResponse page(String field, List<? extends JsonNode> items, Call call, int size) {
        String cursor = call.param("cursor");
        int start = cursor == null ? 0 : Integer.parseInt(new String(Base64.getDecoder().decode(cursor),
                StandardCharsets.UTF_8).substring("next__".length()));
        int end = Math.min(items.size(), start + size);
        ObjectNode page = JSON.createObjectNode();
        ArrayNode array = page.putArray(field);
        items.subList(start, end).forEach(array::add);
        ObjectNode meta = page.putObject("meta").put("total", items.size());
        meta.putObject("links").put("next", end < items.size()
                        ? Base64.getEncoder().encodeToString(("next__" + end).getBytes(StandardCharsets.UTF_8)) : "")
                .put("prev", start > 0 ? Base64.getEncoder().encodeToString(("prev__" + start).getBytes(StandardCharsets.UTF_8)) : "");
        return json(200, page.toString());
    }

    private static MockResponse remove(List<ObjectNode> items, String id) {
        boolean removed = items.removeIf(i -> i.path("id").asText().equals(id));
        return removed ? new MockResponse.Builder().code(204).build() : error(404, "Invalid instance-id.");
    }

    private static ObjectNode os(int id, String name, String arch) {
        return JSON.createObjectNode().put("id", id).put("name", name).put("arch", arch)
                .put("family", name.split(" ")[0].toLowerCase());
    }

    private static List<ObjectNode> snapshot(List<ObjectNode> items) {
        synchronized (items) {
            return List.copyOf(items);
        }
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
    }
}
