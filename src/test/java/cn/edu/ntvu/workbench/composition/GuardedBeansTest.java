package cn.edu.ntvu.workbench.composition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.security.Requires;
import jakarta.inject.Named;
import java.beans.Introspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The second layer, checked for every role-scoped page: each page bean its view uses carries {@link
 * Requires} at least as strict as the page's line in {@link Routes} — so a page that loses its
 * route line (or whose line is made too broad) still refuses, in its bean, everyone its line was
 * meant to keep out.
 */
class GuardedBeansTest {
  /** Beans that only format words or describe the viewer; they hold no data of their own. */
  private static final Set<String> PRESENTATION =
      Set.of(
          "me",
          "app",
          "leaveWords",
          "formWords",
          "wecomPage",
          "workbench",
          "msg",
          "view",
          "request",
          "param");

  @Test
  void everyBeanOfARoleScopedPageRequiresItsRole() throws IOException, ClassNotFoundException {
    Map<String, Class<?>> beans = namedBeans();
    int checked = 0;
    for (Route route : Routes.TABLE) {
      Access access = route.access();
      boolean scoped = !access.roles().isEmpty() || !access.kinds().isEmpty();
      if (!scoped || !route.pattern().endsWith(".xhtml")) {
        continue;
      }
      Path view = Path.of("src/main/webapp" + route.pattern());
      for (String name : beanNames(view)) {
        Class<?> bean = beans.get(name);
        if (bean == null || PRESENTATION.contains(name)) {
          continue;
        }
        Requires rule = bean.getAnnotation(Requires.class);
        assertThat(rule).as(bean.getSimpleName() + " on " + route.pattern()).isNotNull();
        if (!access.roles().isEmpty()) {
          assertThat(rule.roles()).as(bean.getSimpleName() + " roles").isNotEmpty();
          assertThat(access.roles()).as(bean.getSimpleName()).containsAll(List.of(rule.roles()));
        }
        if (!access.kinds().isEmpty()) {
          assertThat(rule.kind()).as(bean.getSimpleName() + " kind").isNotEmpty();
          assertThat(access.kinds()).as(bean.getSimpleName()).containsAll(List.of(rule.kind()));
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(18);
  }

  /** The names of beans a view and the includes it pulls in refer to ({@code #{name.}). */
  private static Set<String> beanNames(Path view) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    String text = Files.readString(view);
    Matcher m = Pattern.compile("#\\{!?\\s*([a-zA-Z][a-zA-Z0-9]*)\\.").matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    Matcher inc = Pattern.compile("<ui:include src=\"(/WEB-INF/includes/[^\"]+)\"").matcher(text);
    while (inc.find()) {
      names.addAll(beanNames(Path.of("src/main/webapp" + inc.group(1))));
    }
    return names;
  }

  /** Every {@code @Named} class of the application, by its EL name. */
  private static Map<String, Class<?>> namedBeans() throws IOException, ClassNotFoundException {
    Path classes = Path.of("target/classes");
    Map<String, Class<?>> out = new HashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files =
          walk.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList();
    }
    for (Path f : files) {
      String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
      if (name.endsWith("package-info")) {
        continue;
      }
      Class<?> c = Class.forName(name, false, GuardedBeansTest.class.getClassLoader());
      Named named = c.getAnnotation(Named.class);
      if (named != null) {
        out.put(
            named.value().isEmpty() ? Introspector.decapitalize(c.getSimpleName()) : named.value(),
            c);
      }
    }
    return out;
  }
}
