package cn.edu.ntvu.workbench.bench;

import cn.edu.ntvu.workbench.testsupport.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/cluster.sh up}: the local cluster ({@link LocalCluster}: MariaDB, {@code NODES}
 * Payara Micro nodes, HAProxy, the WeCom gate) on fixed loopback ports from {@code BASE_PORT}, kept
 * until this process gets SIGTERM ({@code bench/cluster.sh down}). Writes its pid and, once
 * everything is up, a {@code ready} file with the addresses.
 */
public final class ClusterMain {
  /**
   * Environment passed on to every node (the app's own settings); APP_PUBLIC_BASE_URL and DB_* are
   * the cluster's.
   */
  static final List<String> PASSED_PREFIXES =
      List.of(
          "APP_MODE",
          "WECOM_",
          "CAS_",
          "SESSION_IDLE",
          "SESSION_MAX",
          "WORKBENCH_",
          "FORMS_",
          "CONTACTS_",
          "UPLOADS_",
          "SECURITY_",
          "DB_STARTUP");

  private ClusterMain() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(BenchKit.required("bench.work")).toAbsolutePath();
    Files.createDirectories(work);
    Files.writeString(work.resolve("cluster.pid"), String.valueOf(ProcessHandle.current().pid()));
    Files.deleteIfExists(work.resolve("ready"));
    int nodes = BenchKit.env("NODES", 3);
    int base = BenchKit.env("BASE_PORT", 18080);
    LocalCluster cluster =
        LocalCluster.options()
            .microJar(Path.of(BenchKit.required("bench.microJar")))
            .war(Path.of(BenchKit.required("bench.war")))
            .work(work)
            .ports(LocalCluster.Ports.from(base, nodes))
            .standIn(Path.of(BenchKit.required("bench.standinWar")))
            .seedDir(Path.of(BenchKit.required("bench.demoDir")))
            .env(passedEnv())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "cluster-down"));
    String ready =
        String.format(
            "app (HAProxy)   %s/%n"
                + "HAProxy stats   %s%n"
                + "nodes           %s%n"
                + "MariaDB         %s (user %s)%n"
                + "WeCom API gate  %s (nodes' wecom.api-base-url)%n"
                + "logs            %s/logs, %s/haproxy/haproxy.log%n",
            cluster.baseUrl(),
            cluster.balancer().statsUrl(),
            cluster.nodes().stream().map(n -> n.name() + " " + n.directUrl()).toList(),
            cluster.database().jdbcUrl(cluster.schema()),
            "workbench",
            cluster.gate().baseUrl(),
            work,
            work);
    Files.writeString(work.resolve("ready"), ready);
    System.out.print(ready);
    Thread.currentThread().join();
  }

  static Map<String, String> passedEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    System.getenv()
        .forEach(
            (k, v) -> {
              if (PASSED_PREFIXES.stream().anyMatch(k::startsWith)
                  && !k.equals("WECOM_API_BASE_URL")) {
                env.put(k, v);
              }
            });
    return env;
  }
}
