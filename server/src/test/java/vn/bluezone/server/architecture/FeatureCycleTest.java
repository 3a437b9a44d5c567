package vn.bluezone.server.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 §3: no package cycle between registry, statistics and campaign. Reads the source files (imports and fully
 * qualified names alike, so a cycle cannot hide behind {@code vn.bluezone.server.x.Y} in the code) and fails on any
 * cycle, naming the files that make it. Registry is the floor: it uses neither statistics nor campaign (statistics
 * implements registry's {@code InstallCounters}, {@code UnitAccess} and {@code AreaFigures}; campaign reads through
 * registry's {@code Areas}, {@code AreaFigures} and {@code DeviceDirectory}).
 */
class FeatureCycleTest {
    static final List<String> FEATURES = List.of("registry", "statistics", "campaign");
    static final Path SOURCES = Path.of("src/main/java/vn/bluezone/server");
    private static final Pattern REFERENCE = Pattern.compile("\\bvn\\.bluezone\\.server\\.([a-z]+)\\.");

    @Test
    void registryStatisticsAndCampaignFormNoCycle() {
        Map<String, Map<String, Set<String>>> graph = graph(SOURCES);
        List<String> cycle = findCycle(edges(graph));
        assertTrue(cycle.isEmpty(), () -> "package cycle " + String.join(" → ", cycle) + "; references: " + graph);
    }

    @Test
    void registryIsTheFloor() {
        Map<String, Set<String>> fromRegistry = graph(SOURCES).getOrDefault("registry", Map.of());
        assertEquals(Map.of(), fromRegistry, "registry must not use statistics or campaign");
    }

    @Test
    void theCheckFindsACycleWhenThereIsOne() throws IOException {
        Path root = Files.createTempDirectory("cycle");
        write(root.resolve("registry/A.java"), "package vn.bluezone.server.registry;\nclass A {}\n");
        write(root.resolve("statistics/B.java"),
                "package vn.bluezone.server.statistics;\nimport vn.bluezone.server.registry.A;\nclass B {}\n");
        assertTrue(findCycle(edges(graph(root))).isEmpty());
        write(root.resolve("registry/C.java"),
                "package vn.bluezone.server.registry;\nclass C { vn.bluezone.server.statistics.B b; }\n");
        assertEquals(List.of("registry", "statistics", "registry"), findCycle(edges(graph(root))));
        write(root.resolve("campaign/D.java"),
                "package vn.bluezone.server.campaign;\nimport vn.bluezone.server.registry.A;\nclass D {}\n");
        assertTrue(graph(root).get("registry").containsKey("statistics"));
    }

    /** feature → used feature → files that use it. */
    static Map<String, Map<String, Set<String>>> graph(Path root) {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        for (String feature : FEATURES) {
            Path dir = root.resolve(feature);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = REFERENCE.matcher(Files.readString(f));
                    while (m.find()) {
                        String used = m.group(1);
                        if (!used.equals(feature) && FEATURES.contains(used)) {
                            graph.computeIfAbsent(feature, k -> new TreeMap<>())
                                    .computeIfAbsent(used, k -> new TreeSet<>()).add(root.relativize(f).toString());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }

    static Map<String, Set<String>> edges(Map<String, Map<String, Set<String>>> graph) {
        Map<String, Set<String>> edges = new TreeMap<>();
        graph.forEach((from, to) -> edges.put(from, to.keySet()));
        return edges;
    }

    /** A cycle as a path that starts and ends at the same feature, or empty (depth-first search). */
    static List<String> findCycle(Map<String, Set<String>> edges) {
        for (String start : edges.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>();
            paths.push(List.of(start));
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : edges.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    if (next.equals(start)) {
                        return longer;
                    }
                    if (!path.contains(next)) {
                        paths.push(longer);
                    }
                }
            }
        }
        return List.of();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
