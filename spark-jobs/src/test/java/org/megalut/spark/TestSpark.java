package org.megalut.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session of the test JVM: local[2], UI off, driver on 127.0.0.1, two shuffle
 * partitions. Commands under test find it running and leave it running.
 */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() { }

    public static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("megalut-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                    .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                    .getOrCreate();
        }
        return session;
    }
}
