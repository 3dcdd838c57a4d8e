package org.megalut.spark;

import java.io.IOException;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.megalut.spark.io.WorkdirLock;
import org.megalut.spark.settings.RunSettings;

/**
 * Creates the one Spark session of a MegaLUT process.
 *
 * <p>Master precedence: {@code --master}, then what {@code spark-submit} set, then {@code spark.master}
 * of the configuration ({@code local[*]} by default). In local mode the driver binds to 127.0.0.1 and
 * the web UI is off, so a workstation run opens no network port to the outside; with a cluster master
 * the same holds unless the user sets those addresses, and the application's jars are shipped to the
 * executors (see {@code clusterDefaults}). Kryo serialisation;
 * dynamic partition overwrite so that rewriting some subfields leaves the others' Parquet intact.
 */
public final class SparkSessions {

    private SparkSessions() { }

    /**
     * The session of a command; closing it stops the session only if this lease created it (a test
     * or an embedding program keeps its own session running).
     */
    public record Lease(SparkSession spark, boolean owned, WorkdirLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                if (owned) {
                    spark.stop();
                }
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
        }
    }

    /** A session for a command: the running one if any, else a new one from the settings. */
    public static Lease lease(RunSettings settings, String stepName) {
        return lease(settings, stepName, null);
    }

    /**
     * A session for a command that writes into the work directory: the directory's lock is taken first
     * ({@link WorkdirLock}: a second command is refused before Spark starts) and released with the session.
     */
    public static Lease leaseWorkdir(RunSettings settings, String command) throws IOException {
        WorkdirLock lock = WorkdirLock.acquire(settings.workdir(), settings.hadoopConfiguration(), command);
        try {
            return lease(settings, command, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Lease lease(RunSettings settings, String stepName, WorkdirLock lock) {
        if (SparkSession.getDefaultSession().isDefined()) {
            return new Lease(SparkSession.getDefaultSession().get(), false, lock);
        }
        return new Lease(create(settings, stepName), true, lock);
    }

    public static SparkSession create(RunSettings settings, String stepName) {
        SparkConf conf = new SparkConf(true);
        String master = settings.master() != null ? settings.master()
                : conf.contains("spark.master") ? conf.get("spark.master") : settings.spark().defaultMaster();
        conf.setMaster(master);
        if (!conf.contains("spark.app.name")) {
            conf.setAppName(settings.spark().appName() + " " + stepName);
        }
        if (master.startsWith("local")) {
            conf.set("spark.driver.bindAddress", "127.0.0.1");
            conf.set("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        conf.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        conf.setIfMissing("spark.sql.shuffle.partitions", Integer.toString(settings.spark().shufflePartitions()));
        conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        // Parquet summary files are not needed and slow on object stores.
        conf.set("spark.hadoop.parquet.summary.metadata.level", "NONE");
        for (Map.Entry<String, String> e : settings.spark().settings().entrySet()) {
            conf.set(e.getKey(), e.getValue());
        }
        if (!master.startsWith("local")) {
            clusterDefaults(conf);
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /**
     * A client-mode driver on a cluster master. Unless the user chose otherwise (spark-submit
     * {@code --conf} or the configuration's {@code spark.settings}, both in {@code conf} by now): the
     * driver binds to and advertises 127.0.0.1, which also places its block manager and file server
     * there, and the UI is off, so a run against a cluster on this machine opens no port to the
     * outside either. A real cluster needs {@code spark.driver.host} set to an address its executors
     * can reach; once the user sets either address the other is left to Spark (which binds to the
     * advertised host, or advertises the machine's name), since mixing the user's address with
     * loopback could only produce a driver nobody reaches.
     *
     * <p>Executors have none of our classes: unless {@code spark-submit} (or the user) set
     * {@code spark.jars}, the jars holding them are shipped (see {@link ApplicationJars}).
     *
     * <p>In cluster deploy mode the cluster manager starts the driver on one of its nodes and ships
     * the application jar itself; loopback would be wrong there, so nothing is assumed.
     */
    private static void clusterDefaults(SparkConf conf) {
        if ("cluster".equals(conf.get("spark.submit.deployMode", "client"))) {
            return;
        }
        if (!conf.contains("spark.driver.host") && !conf.contains("spark.driver.bindAddress")) {
            conf.set("spark.driver.bindAddress", "127.0.0.1");
            conf.set("spark.driver.host", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        if (conf.get("spark.jars", "").isBlank()) {
            conf.set("spark.jars", ApplicationJars.forExecutors());
        }
    }
}
