package vn.bluezone.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 §3: no package cycle anywhere in the server. The units are every top-level package under
 * {@code vn.bluezone.server} (the root package itself as {@code (root)}) and, under {@code campaign} and {@code keys},
 * each sub-feature ({@code campaign.place}, {@code keys.distribution}, ...). Reads the source files (imports and fully
 * qualified names alike, so a cycle cannot hide behind {@code vn.bluezone.server.x.Y} in the code) and fails on any
 * cycle, naming the files that make it. The floors ({@link #FLOORS}) use no feature; server/README.md's dependency
 * rule lists exactly the arrows that exist.
 */
class FeatureCycleTest {
    static final Path SOURCES = Path.of("src/main/java/vn/bluezone/server");
    static final Path README = Path.of("README.md");
    static final String ROOT = "(root)";
    /** Packages every feature may use and that use no feature, only each other. */
    static final Set<String> FLOORS = Set.of(ROOT, "problem", "db", "web", "audit", "console");
    /** Features whose sub-packages are units of their own. */
    static final Set<String> SPLIT = Set.of("campaign", "keys");
    private static final Pattern REFERENCE = Pattern.compile("\\bvn\\.bluezone\\.server\\.((?:[a-z][a-z0-9]*\\.)*)(?:[A-Z*])");
    private static final Pattern ARROW = Pattern.compile("(?m)^(\\S+)\\s+→\\s+(.+)$");

    @Test
    void noPackageCycleAnywhere() {
        Map<String, Map<String, Set<String>>> graph = graph(SOURCES);
        assertThat(graph).containsKeys("campaign.place", "checkins", "keys.distribution", "registry", "statistics");
        List<String> cycle = findCycle(edges(graph));
        assertTrue(cycle.isEmpty(), () -> "package cycle " + String.join(" → ", cycle) + "; references: " + graph);
    }

    @Test
    void floorsUseNoFeature() {
        Map<String, Set<String>> edges = edges(graph(SOURCES));
        Map<String, Set<String>> wrong = new TreeMap<>();
        for (String floor : FLOORS) {
            Set<String> used = new TreeSet<>(edges.getOrDefault(floor, Set.of()));
            used.removeAll(FLOORS);
            if (!used.isEmpty()) {
                wrong.put(floor, used);
            }
        }
        assertEquals(Map.of(), wrong, "floors must use only floors");
    }

    @Test
    void registryIsBelowStatisticsCampaignAndCheckins() {
        Set<String> fromRegistry = edges(graph(SOURCES)).getOrDefault("registry", Set.of());
        assertThat(fromRegistry).noneMatch(u -> u.startsWith("statistics") || u.startsWith("campaign")
                || u.startsWith("checkins") || u.startsWith("keys") || u.equals("home"));
    }

    @Test
    void theReadmeListsEveryArrowThatExists() throws IOException {
        String text = Files.readString(README);
        int from = text.indexOf("<!-- dependency rule: generated arrows -->");
        assertThat(from).as("README has the arrows block").isNotNegative();
        int to = text.indexOf("```", text.indexOf("```", from) + 3);
        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher m = ARROW.matcher(text.substring(from, to));
        while (m.find()) {
            documented.put(m.group(1), Arrays.stream(m.group(2).split(",")).map(String::strip)
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        assertEquals(edges(graph(SOURCES)), documented, "server/README.md's arrows differ from the code's");
    }

    @Test
    void theCheckFindsACycleWhenThereIsOne() throws IOException {
        Path root = Files.createTempDirectory("cycle");
        write(root.resolve("registry/A.java"), "package vn.bluezone.server.registry;\nclass A {}\n");
        write(root.resolve("statistics/B.java"),
                "package vn.bluezone.server.statistics;\nimport vn.bluezone.server.registry.A;\nclass B {}\n");
        write(root.resolve("campaign/place/P.java"), "package vn.bluezone.server.campaign.place;\n"
                + "import vn.bluezone.server.registry.A;\nclass P {}\n");
        assertTrue(findCycle(edges(graph(root))).isEmpty());
        write(root.resolve("registry/C.java"),
                "package vn.bluezone.server.registry;\nclass C { vn.bluezone.server.statistics.B b; }\n");
        assertEquals(List.of("registry", "statistics", "registry"), findCycle(edges(graph(root))));
        write(root.resolve("campaign/D.java"),
                "package vn.bluezone.server.campaign;\nimport static vn.bluezone.server.campaign.place.P.X;\nclass D {}\n");
        write(root.resolve("Top.java"), "package vn.bluezone.server;\nclass Top {}\n");
        Map<String, Set<String>> edges = edges(graph(root));
        assertEquals(Set.of("campaign.place"), edges.get("campaign"));
        assertEquals(Set.of("registry"), edges.get("campaign.place"));
        write(root.resolve("Top.java"), "package vn.bluezone.server;\nimport vn.bluezone.server.campaign.*;\nclass Top {}\n");
        assertEquals(Set.of("campaign"), edges(graph(root)).get(ROOT));
    }

    /** The unit of a package path relative to {@code vn.bluezone.server} ("campaign/place", "" for the root). */
    static String unit(List<String> packages) {
        if (packages.isEmpty()) {
            return ROOT;
        }
        if (SPLIT.contains(packages.get(0)) && packages.size() > 1) {
            return packages.get(0) + "." + packages.get(1);
        }
        return packages.get(0);
    }

    /** unit → used unit → files that use it. */
    static Map<String, Map<String, Set<String>>> graph(Path root) {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path dir = root.relativize(f).getParent();
                List<String> own = new ArrayList<>();
                if (dir != null) {
                    dir.forEach(p -> own.add(p.toString()));
                }
                String unit = unit(own);
                Matcher m = REFERENCE.matcher(Files.readString(f));
                while (m.find()) {
                    String path = m.group(1);
                    List<String> used = path.isEmpty() ? List.of() : List.of(path.substring(0, path.length() - 1).split("\\."));
                    String usedUnit = unit(used);
                    if (!usedUnit.equals(unit)) {
                        graph.computeIfAbsent(unit, k -> new TreeMap<>())
                                .computeIfAbsent(usedUnit, k -> new TreeSet<>()).add(root.relativize(f).toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    static Map<String, Set<String>> edges(Map<String, Map<String, Set<String>>> graph) {
        Map<String, Set<String>> edges = new TreeMap<>();
        graph.forEach((from, to) -> edges.put(from, new TreeSet<>(to.keySet())));
        return edges;
    }

    /** A cycle as a path that starts and ends at the same unit, or empty (depth-first search). */
    static List<String> findCycle(Map<String, Set<String>> edges) {
        for (String start : edges.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>();
            paths.push(List.of(start));
            Set<String> seen = new TreeSet<>();
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : edges.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    if (next.equals(start)) {
                        return longer;
                    }
                    if (seen.add(next)) {
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
