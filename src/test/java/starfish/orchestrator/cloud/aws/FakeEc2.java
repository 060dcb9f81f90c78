package starfish.orchestrator.cloud.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A stateful stand-in for the EC2 Query API on a local MockWebServer: it parses the form-encoded actions the SDK
 * sends, keeps instances, security groups and key pairs per region (the region comes from the SigV4 credential
 * scope) and answers with XML shaped like EC2's (namespace 2016-11-15, `item` lists, `<Response><Errors>` errors).
 * Instances move on by one state per DescribeInstances, as real ones do while a waiter polls.
 */
final class FakeEc2 extends Dispatcher {
    private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final Pattern REGION = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/ec2/aws4_request");

    /** One API call as the fake understood it. */
    record Call(String region, String action, Map<String, String> params, String authorization) {
        List<String> values(String prefix) {
            return params.entrySet().stream().filter(e -> e.getKey().matches(Pattern.quote(prefix) + "\\.\\d+"))
                    .map(Map.Entry::getValue).toList();
        }

        /** Filter name -> values, from Filter.N.Name / Filter.N.Value.M. */
        Map<String, List<String>> filters() {
            Map<String, List<String>> filters = new LinkedHashMap<>();
            for (int n = 1; params.containsKey("Filter." + n + ".Name"); n++) {
                filters.put(params.get("Filter." + n + ".Name"), values("Filter." + n + ".Value"));
            }
            return filters;
        }

        /** Tags of TagSpecification.N whose ResourceType is `type`. */
        Map<String, String> tagsFor(String type) {
            Map<String, String> tags = new LinkedHashMap<>();
            for (int n = 1; params.containsKey("TagSpecification." + n + ".ResourceType"); n++) {
                if (params.get("TagSpecification." + n + ".ResourceType").equals(type)) {
                    for (int t = 1; params.containsKey("TagSpecification." + n + ".Tag." + t + ".Key"); t++) {
                        tags.put(params.get("TagSpecification." + n + ".Tag." + t + ".Key"),
                                params.get("TagSpecification." + n + ".Tag." + t + ".Value"));
                    }
                }
            }
            return tags;
        }
    }

    static final class FakeInstance {
        final String id;
        final String region;
        final Map<String, String> tags;
        final Instant launchTime;
        final int index;
        String state = "pending";
        /** Starts after a stop; each one brings a new public address, as on EC2 without an Elastic IP. */
        int restarts;
        /** The security group it was launched in, and what it does when it powers itself off. */
        String securityGroup = "";
        String shutdownBehavior = "stop";

        FakeInstance(String id, String region, Map<String, String> tags, Instant launchTime, int index) {
            this.id = id;
            this.region = region;
            this.tags = tags;
            this.launchTime = launchTime;
            this.index = index;
        }
    }

    record Resource(String id, String name, String region, Map<String, String> tags) {
    }

    /** One ingress rule of a security group: a CIDR or a source group, for a protocol and port range. */
    record Rule(String protocol, String fromPort, String toPort, String cidr, String description, String sourceGroup) {
        boolean sameAccess(Rule other) {
            return protocol.equals(other.protocol) && Objects.equals(fromPort, other.fromPort)
                    && Objects.equals(toPort, other.toPort) && Objects.equals(cidr, other.cidr)
                    && Objects.equals(sourceGroup, other.sourceGroup);
        }
    }

    private record Failure(Predicate<Call> when, int status, String code, String message, AtomicInteger remaining) {
    }

    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    final List<FakeInstance> instances = Collections.synchronizedList(new ArrayList<>());
    final List<Resource> securityGroups = Collections.synchronizedList(new ArrayList<>());
    final List<Resource> keyPairs = Collections.synchronizedList(new ArrayList<>());
    /** Security group id -> its ingress rules. */
    final Map<String, List<Rule>> ingress = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    /** DescribeInstances returns at most this many reservations per page (NextToken for the rest). */
    volatile int instancePageSize = 1000;

    /** Answers `times` matching calls with an EC2 error instead of handling them. */
    void fail(Predicate<Call> when, int times, int status, String code, String message) {
        failures.add(new Failure(when, status, code, message, new AtomicInteger(times)));
    }

    List<Call> calls(String action) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.action.equals(action)).toList();
        }
    }

    /** Adds an instance as if launched by an earlier deploy (or by someone else, with other tags). */
    FakeInstance addInstance(String region, String state, Map<String, String> tags) {
        FakeInstance instance = new FakeInstance(nextId("i-"), region, tags, Instant.parse("2026-11-25T10:00:00Z")
                .plusSeconds(ids.get()), instances.size());
        instance.state = state;
        instances.add(instance);
        return instance;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        Matcher scope = REGION.matcher(authorization == null ? "" : authorization);
        Map<String, String> params = parseForm(request.getBody() == null ? "" : request.getBody().utf8());
        Call call = new Call(scope.find() ? scope.group(1) : "?", params.getOrDefault("Action", "?"), params, authorization);
        calls.add(call);
        synchronized (failures) {
            for (Failure f : failures) {
                if (f.when.test(call) && f.remaining.getAndDecrement() > 0) {
                    return error(f.status, f.code, f.message);
                }
            }
        }
        return switch (call.action) {
            case "DescribeImages" -> ok(call, "<imagesSet>" + image("ami-0old", "20240101") + image("ami-0new", "20251120")
                    + image("ami-0mid", "20250601") + "</imagesSet>");
            case "DescribeInstanceTypes" -> ok(call, "<instanceTypeSet><item><instanceType>" + call.values("InstanceType").get(0)
                    + "</instanceType><instanceStorageSupported>" + call.values("InstanceType").get(0).contains("d.")
                    + "</instanceStorageSupported></item></instanceTypeSet>");
            case "DescribeKeyPairs" -> ok(call, "<keySet>" + matching(keyPairs, call).stream().map(k -> "<item><keyPairId>" + k.id
                    + "</keyPairId><keyName>" + k.name + "</keyName><keyFingerprint>aa:bb</keyFingerprint>" + tagSet(k.tags)
                    + "</item>").collect(Collectors.joining()) + "</keySet>");
            case "ImportKeyPair" -> importKeyPair(call);
            case "DeleteKeyPair" -> {
                keyPairs.removeIf(k -> k.id.equals(params.get("KeyPairId")));
                yield ok(call, "<return>true</return><keyPairId>" + params.get("KeyPairId") + "</keyPairId>");
            }
            case "DescribeSecurityGroups" -> ok(call, "<securityGroupInfo>" + matching(securityGroups, call).stream()
                    .map(g -> "<item><ownerId>123456789012</ownerId><groupId>" + g.id + "</groupId><groupName>" + g.name
                            + "</groupName><groupDescription>d</groupDescription><vpcId>vpc-1</vpcId>" + permissionsXml(g.id)
                            + tagSet(g.tags) + "</item>")
                    .collect(Collectors.joining()) + "</securityGroupInfo>");
            case "CreateSecurityGroup" -> {
                Resource group = new Resource(nextId("sg-"), params.get("GroupName"), call.region, call.tagsFor("security-group"));
                securityGroups.add(group);
                yield ok(call, "<return>true</return><groupId>" + group.id + "</groupId>");
            }
            case "AuthorizeSecurityGroupIngress" -> authorize(call);
            case "RevokeSecurityGroupIngress" -> {
                List<Rule> revoked = rules(call);
                ingress.getOrDefault(params.get("GroupId"), new ArrayList<>())
                        .removeIf(r -> revoked.stream().anyMatch(r::sameAccess));
                yield ok(call, "<return>true</return>");
            }
            case "DeleteSecurityGroup" -> deleteSecurityGroup(call);
            case "RunInstances" -> runInstances(call);
            case "DescribeInstances" -> describeInstances(call);
            case "TerminateInstances" -> changeState(call, "shutting-down");
            case "StopInstances" -> changeState(call, "stopping");
            case "StartInstances" -> changeState(call, "pending");
            default -> error(400, "InvalidAction", "The action " + call.action + " is not valid for this web service.");
        };
    }

    /** As EC2: a rule that admits what an existing rule admits already is refused, whatever its description. */
    private MockResponse authorize(Call call) {
        List<Rule> existing = ingress.computeIfAbsent(call.params.get("GroupId"), id -> new ArrayList<>());
        synchronized (existing) {
            for (Rule rule : rules(call)) {
                if (existing.stream().anyMatch(r -> r.sameAccess(rule))) {
                    return error(400, "InvalidPermission.Duplicate", "the specified rule \"peer: " + rule.cidr
                            + ", " + rule.protocol + "\" already exists");
                }
            }
            existing.addAll(rules(call));
        }
        return ok(call, "<return>true</return>");
    }

    /** The rules of IpPermissions.N (one per IpRanges.M or Groups.M entry). */
    static List<Rule> rules(Call call) {
        List<Rule> rules = new ArrayList<>();
        Map<String, String> p = call.params;
        for (int n = 1; p.containsKey("IpPermissions." + n + ".IpProtocol"); n++) {
            String prefix = "IpPermissions." + n + ".";
            String protocol = p.get(prefix + "IpProtocol");
            for (int m = 1; p.containsKey(prefix + "IpRanges." + m + ".CidrIp"); m++) {
                rules.add(new Rule(protocol, p.get(prefix + "FromPort"), p.get(prefix + "ToPort"),
                        p.get(prefix + "IpRanges." + m + ".CidrIp"), p.get(prefix + "IpRanges." + m + ".Description"), null));
            }
            for (int m = 1; p.containsKey(prefix + "Groups." + m + ".GroupId"); m++) {
                rules.add(new Rule(protocol, p.get(prefix + "FromPort"), p.get(prefix + "ToPort"), null,
                        p.get(prefix + "Groups." + m + ".Description"), p.get(prefix + "Groups." + m + ".GroupId")));
            }
        }
        return rules;
    }

    private String permissionsXml(String groupId) {
        StringBuilder xml = new StringBuilder("<ipPermissions>");
        for (Rule rule : List.copyOf(ingress.getOrDefault(groupId, List.of()))) {
            xml.append("<item><ipProtocol>").append(rule.protocol).append("</ipProtocol>");
            if (rule.fromPort != null) {
                xml.append("<fromPort>").append(rule.fromPort).append("</fromPort><toPort>").append(rule.toPort).append("</toPort>");
            }
            xml.append(rule.sourceGroup == null ? "<groups/>" : "<groups><item><userId>123456789012</userId><groupId>"
                    + rule.sourceGroup + "</groupId></item></groups>");
            xml.append(rule.cidr == null ? "<ipRanges/>" : "<ipRanges><item><cidrIp>" + rule.cidr + "</cidrIp><description>"
                    + rule.description + "</description></item></ipRanges>");
            xml.append("<ipv6Ranges/><prefixListIds/></item>");
        }
        return xml.append("</ipPermissions><ipPermissionsEgress/>").toString();
    }

    private MockResponse importKeyPair(Call call) {
        Resource key = new Resource(nextId("key-"), call.params.get("KeyName"), call.region, call.tagsFor("key-pair"));
        keyPairs.add(key);
        return ok(call, "<keyFingerprint>aa:bb</keyFingerprint><keyName>" + key.name + "</keyName><keyPairId>" + key.id
                + "</keyPairId>" + tagSet(key.tags));
    }

    private MockResponse deleteSecurityGroup(Call call) {
        String id = call.params.get("GroupId");
        boolean inUse;
        synchronized (instances) {
            inUse = instances.stream().anyMatch(i -> i.securityGroup.equals(id) && !i.state.equals("terminated"));
        }
        if (inUse) {
            return error(400, "DependencyViolation", "resource " + id + " has a dependent object");
        }
        securityGroups.removeIf(g -> g.id.equals(id));
        return ok(call, "<return>true</return><groupId>" + id + "</groupId>");
    }

    private MockResponse runInstances(Call call) {
        int count = Integer.parseInt(call.params.get("MinCount"));
        StringBuilder items = new StringBuilder();
        for (int n = 0; n < count; n++) {
            FakeInstance instance = new FakeInstance(nextId("i-"), call.region, call.tagsFor("instance"),
                    Instant.parse("2026-11-25T14:00:00Z").plusSeconds(ids.get()), instances.size());
            instance.securityGroup = call.params.getOrDefault("SecurityGroupId.1", "");
            instance.shutdownBehavior = call.params.getOrDefault("InstanceInitiatedShutdownBehavior", "stop");
            instances.add(instance);
            items.append(instanceXml(instance));
        }
        return ok(call, "<reservationId>" + nextId("r-") + "</reservationId><ownerId>123456789012</ownerId><groupSet/>"
                + "<instancesSet>" + items + "</instancesSet>");
    }

    private MockResponse describeInstances(Call call) {
        List<String> wanted = call.values("InstanceId");
        List<FakeInstance> found;
        synchronized (instances) {
            found = instances.stream().filter(i -> i.region.equals(call.region))
                    .filter(i -> wanted.isEmpty() || wanted.contains(i.id))
                    .filter(i -> call.filters().entrySet().stream().allMatch(f -> matches(i, f.getKey(), f.getValue())))
                    .toList();
        }
        int start = call.params.containsKey("NextToken") ? Integer.parseInt(call.params.get("NextToken")) : 0;
        int end = Math.min(found.size(), start + instancePageSize);
        StringBuilder reservations = new StringBuilder();
        for (FakeInstance instance : found.subList(start, end)) {
            reservations.append("<item><reservationId>r-").append(instance.id).append("</reservationId><ownerId>123456789012"
                    + "</ownerId><groupSet/><instancesSet>").append(instanceXml(instance)).append("</instancesSet></item>");
        }
        String next = end < found.size() ? "<nextToken>" + end + "</nextToken>" : "";
        MockResponse response = ok(call, "<reservationSet>" + reservations + "</reservationSet>" + next);
        found.subList(start, end).forEach(FakeEc2::advance);
        return response;
    }

    private static void advance(FakeInstance instance) {
        instance.state = switch (instance.state) {
            case "pending" -> "running";
            case "stopping" -> "stopped";
            case "shutting-down" -> "terminated";
            default -> instance.state;
        };
    }

    private MockResponse changeState(Call call, String state) {
        StringBuilder items = new StringBuilder();
        synchronized (instances) {
            for (FakeInstance instance : instances) {
                if (instance.region.equals(call.region) && call.values("InstanceId").contains(instance.id)) {
                    items.append("<item><instanceId>").append(instance.id).append("</instanceId><currentState>")
                            .append(stateXml(state)).append("</currentState><previousState>").append(stateXml(instance.state))
                            .append("</previousState></item>");
                    if (state.equals("pending")) {
                        instance.restarts++;
                    }
                    instance.state = state;
                }
            }
        }
        return ok(call, "<instancesSet>" + items + "</instancesSet>");
    }

    private static boolean matches(FakeInstance i, String filter, List<String> values) {
        if (filter.equals("instance-state-name")) {
            return values.contains(i.state);
        }
        if (filter.startsWith("tag:")) {
            return values.contains(i.tags.get(filter.substring(4)));
        }
        throw new IllegalArgumentException("the fake does not know filter " + filter);
    }

    private static List<Resource> matching(List<Resource> resources, Call call) {
        synchronized (resources) {
            return resources.stream().filter(r -> r.region.equals(call.region)).filter(r -> call.filters().entrySet().stream()
                    .allMatch(f -> f.getKey().startsWith("tag:") ? f.getValue().contains(r.tags.get(f.getKey().substring(4)))
                            : f.getValue().contains(r.name))).toList();
        }
    }

    private static String instanceXml(FakeInstance i) {
        String publicIp = i.state.equals("running")
                ? "<ipAddress>203.0.113." + (10 + i.index + 100 * i.restarts) + "</ipAddress>" : "";
        return "<item><instanceId>" + i.id + "</instanceId><imageId>ami-0new</imageId><instanceState>" + stateXml(i.state)
                + "</instanceState><privateDnsName>ip-10-0-0-" + (10 + i.index) + ".ec2.internal</privateDnsName><dnsName/>"
                + "<amiLaunchIndex>0</amiLaunchIndex><instanceType>m5d.8xlarge</instanceType><launchTime>" + i.launchTime
                + "</launchTime><placement><availabilityZone>" + i.region + "a</availabilityZone><tenancy>default</tenancy>"
                + "</placement><privateIpAddress>10.0.0." + (10 + i.index) + "</privateIpAddress>" + publicIp
                + tagSet(i.tags) + "</item>";
    }

    private static String stateXml(String state) {
        int code = switch (state) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            default -> 80;
        };
        return "<code>" + code + "</code><name>" + state + "</name>";
    }

    private static String image(String id, String date) {
        String created = date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6) + "T08:00:00.000Z";
        return "<item><imageId>" + id + "</imageId><imageLocation>amazon/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-"
                + date + "</imageLocation><imageState>available</imageState><imageOwnerId>099720109477</imageOwnerId>"
                + "<creationDate>" + created + "</creationDate><isPublic>true</isPublic><architecture>x86_64</architecture>"
                + "<imageType>machine</imageType><name>ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-" + date
                + "</name><rootDeviceType>ebs</rootDeviceType><rootDeviceName>/dev/sda1</rootDeviceName></item>";
    }

    private static String tagSet(Map<String, String> tags) {
        return "<tagSet>" + tags.entrySet().stream().map(t -> "<item><key>" + t.getKey() + "</key><value>" + t.getValue()
                + "</value></item>").collect(Collectors.joining()) + "</tagSet>";
    }

    private String nextId(String prefix) {
        return prefix + String.format("%017x", ids.incrementAndGet());
    }

    private static MockResponse ok(Call call, String content) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + call.action + "Response xmlns=\"" + NS + "\">"
                + "<requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>" + content + "</" + call.action + "Response>";
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/xml;charset=UTF-8").body(xml).build();
    }

    private static MockResponse error(int status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-EXAMPLE</RequestID></Response>";
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "text/xml;charset=UTF-8").body(xml).build();
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                params.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
