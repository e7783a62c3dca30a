// Runs an embedded Neo4j (Community) with only a Bolt connector on 127.0.0.1, for local development.
// No build step: java -cp "<lib>/*" Launcher.java [--data-dir DIR] [--port 7687] [--page-cache 256m] [--exit-on-stdin-close]
// Env fallbacks: NEO4J_DATA_DIR, NEO4J_BOLT_PORT, NEO4J_PAGE_CACHE.
// Prints exactly one stdout line, "NEO4J_READY bolt://127.0.0.1:<port>", once Bolt accepts connections;
// everything else (Neo4j's user log, errors) goes to stderr. The full debug log is <data-dir>/logs/debug.log.

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

public class Launcher {
    static final String HOST = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        String dataDir = System.getenv().getOrDefault("NEO4J_DATA_DIR", ".neo4j/data");
        int port = Integer.parseInt(System.getenv().getOrDefault("NEO4J_BOLT_PORT", "7687"));
        String pageCache = System.getenv().getOrDefault("NEO4J_PAGE_CACHE", "256m");
        boolean exitOnStdinClose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--page-cache" -> pageCache = args[++i];
                case "--exit-on-stdin-close" -> exitOnStdinClose = true;
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }

        // Registered before build() so that a SIGTERM during startup still ends in a clean shutdown
        // (otherwise the next start has to run store recovery).
        var started = new CountDownLatch(1);
        var holder = new DatabaseManagementService[1];
        var shuttingDown = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown.set(true);
            try {
                if (started.await(120, TimeUnit.SECONDS) && holder[0] != null) holder[0].shutdown();
            } catch (InterruptedException ignored) {
            }
        }, "neo4j-shutdown"));

        if (exitOnStdinClose) {
            // The parent keeps our stdin open; EOF means it died, so exit (running the hook) instead of lingering.
            var watcher = new Thread(() -> {
                try {
                    while (System.in.read() != -1) {}
                } catch (IOException ignored) {
                }
                System.exit(0);
            }, "stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }

        try {
            holder[0] = new DatabaseManagementServiceBuilder(Path.of(dataDir).toAbsolutePath())
                    .setUserLogProvider(new Log4jLogProvider(System.err, Level.WARN))
                    // Everything binds to loopback only; the routing connector (7688) and HTTP(S) stay off.
                    .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.routing_enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    // dbms.usage_report.enabled: would otherwise phone home.
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Off-heap page cache; the default (about half of the RAM) is far too greedy on a shared dev box.
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                    // Dev data: small, non-preallocated tx logs, and keep only a little history.
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(32))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "64M size")
                    // Netty waits this many seconds per Bolt event-loop group on shutdown (5 s each by default),
                    // long after the stores are checkpointed; 0 makes stop() take well under a second.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .build();
            started.countDown();
            String db = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
            if (!holder[0].database(db).isAvailable(TimeUnit.MINUTES.toMillis(2))) {
                throw new IllegalStateException("database '" + db + "' did not become available");
            }
            try (var probe = new Socket()) {
                probe.connect(new InetSocketAddress(HOST, port), 5_000);
            }
        } catch (Throwable t) {
            started.countDown();
            if (shuttingDown.get()) return; // stopped while starting: the failure is a consequence, not news
            // Exit explicitly: threads of a half-started DBMS could otherwise keep the JVM alive.
            System.err.println("Launcher: failed to start Neo4j: " + t);
            t.printStackTrace();
            System.exit(1);
        }
        System.out.println("NEO4J_READY bolt://" + HOST + ":" + port);
        System.out.flush();

        Thread.currentThread().join(); // serve until a signal (or stdin EOF) runs the shutdown hook
    }
}
