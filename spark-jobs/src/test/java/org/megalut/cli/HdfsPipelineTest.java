package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.spark.TestSpark;
import org.megalut.spark.io.OutputComparison;

/**
 * The pipeline on HDFS: an in-process HDFS (one NameNode, one DataNode, every port on 127.0.0.1), a
 * branch generated onto it, then {@code run} with branch, truth and work directory on {@code hdfs://},
 * killed part way in a separate JVM and run again. Branch and outputs equal those of the same commands
 * on the local file system, bit for bit.
 */
class HdfsPipelineTest {
    private static MiniDFSCluster hdfs;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path tmp;

    @BeforeAll
    static void startHdfs() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
        for (String key : List.of("dfs.namenode.http-address", "dfs.datanode.address", "dfs.datanode.http.address",
                "dfs.datanode.ipc.address")) {
            conf.set(key, "127.0.0.1:0");
        }
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).checkDataNodeAddrConfig(true).build();
        hdfs.waitActive();
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown(true);
        }
    }

    private static String onHdfs(String path) {
        return "hdfs://127.0.0.1:" + hdfs.getNameNodePort() + "/" + path;
    }

    @Test
    void theDemoSizePipelineOnHdfsEqualsTheLocalOneAfterAKillAndAResume() throws Exception {
        TinyPipeline.branch(tmp.resolve("branch"), tmp.resolve("truth"), 21, 0, 1, 2);
        Path conf = TinyPipeline.config(tmp, tmp.resolve("branch"), tmp.resolve("truth"), "0-2");
        assertEquals(0, Megalut.commandLine().execute("run", "--conf", conf.toString(), "--workdir",
                tmp.resolve("work").toString()));

        // The same branch generated onto HDFS is the same bytes.
        TinyPipeline.branch(onHdfs("branch"), onHdfs("truth"), 21, 0, 1, 2);
        assertSame("branch", tmp.resolve("branch").toUri().toString(), onHdfs("branch"));

        String[] run = {"run", "--conf", conf.toString(), "--branch", onHdfs("branch"), "--truth", onHdfs("truth"),
            "--workdir", onHdfs("work")};
        Process p = new ProcessBuilder(ChildJvm.megalut(List.of(), ChildJvm.args(run, "--master", "local[2]")))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile()).start();
        // Killed once its first training simulation is written, while the later steps run.
        Path log = tmp.resolve("killed.log");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (p.isAlive() && System.nanoTime() < deadline
                && ChildJvm.log(log).lines().noneMatch(l -> l.startsWith("simulate-train-shear "))) {
            Thread.sleep(200);
        }
        assertTrue(p.isAlive(), () -> "the run must be killed before it ends: " + ChildJvm.log(log));
        p.destroyForcibly().waitFor();
        assertEquals(0, Megalut.commandLine().execute(run));
        assertTrue(ChildJvm.log(log).lines().anyMatch(l -> l.startsWith("simulate-train-shear ")),
                "the kill came after simulate-train-shear");
        assertSame("work directory", tmp.resolve("work").toUri().toString(), onHdfs("work"));
    }

    private static void assertSame(String what, String local, String remote) throws Exception {
        OutputComparison.Result r = new OutputComparison(TestSpark.get(), 0, List.of())
                .compare(new org.apache.hadoop.fs.Path(local), new org.apache.hadoop.fs.Path(remote));
        assertTrue(r.agrees(), () -> what + ":\n" + r.notIdentical());
        assertTrue(r.items().size() > 10, what + ": " + r.items());
    }

}
