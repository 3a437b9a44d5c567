package vn.bluezone.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every parameter a console page reads (query, form field, path) has a label in both bundles ({@code field.<name>}),
 * so that a refused request names it in the reader's language, never by its Java or parameter name
 * ({@link RefusedFields}; issue 13). Found by reading the controllers' mappings, so a new parameter without a label
 * fails here.
 */
class ConsoleFieldLabelsTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static Set<String> consoleParameters() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        Set<String> names = new TreeSet<>();
        for (var bean : scan.findCandidateComponents("vn.bluezone.server")) {
            Class<?> type = Class.forName(bean.getBeanClassName());
            RequestMapping typeMapping = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            for (Method m : type.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(m, RequestMapping.class);
                if (mapping == null || !console(typeMapping, mapping)) {
                    continue;
                }
                for (Parameter p : m.getParameters()) {
                    RequestParam rp = p.getAnnotation(RequestParam.class);
                    PathVariable pv = p.getAnnotation(PathVariable.class);
                    if (rp != null && !Map.class.isAssignableFrom(p.getType())) {
                        names.add(rp.name().isEmpty() ? p.getName() : rp.name());
                    } else if (pv != null) {
                        names.add(pv.name().isEmpty() ? p.getName() : pv.name());
                    }
                }
            }
        }
        return names;
    }

    private static boolean console(RequestMapping type, RequestMapping method) {
        List<String> prefixes = type == null || type.path().length == 0 ? List.of("") : List.of(type.path());
        for (String prefix : prefixes) {
            for (String path : method.path().length == 0 ? new String[] {""} : method.path()) {
                if ((prefix + path).startsWith("/console")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void everyConsoleParameterHasALabelInBothLanguages() throws Exception {
        Set<String> names = consoleParameters();
        assertThat(names).as("the scan found the console's parameters").contains("day", "commune", "id", "q");
        Properties vi = load("messages.properties");
        Properties en = load("messages_en.properties");
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            for (Properties p : List.of(vi, en)) {
                if (p.getProperty("field." + n) == null) {
                    missing.add((p == vi ? "messages.properties" : "messages_en.properties") + ": field." + n);
                }
            }
        }
        assertThat(missing).as("labels of console parameters").isEmpty();
    }

    @Test
    void aFieldIsNamedByItsBaseName() {
        assertThat(RefusedFields.baseName("taskDeadline[2]")).isEqualTo("taskDeadline");
        assertThat(RefusedFields.baseName("form.day")).isEqualTo("day");
        assertThat(RefusedFields.baseName("day")).isEqualTo("day");
    }
}
