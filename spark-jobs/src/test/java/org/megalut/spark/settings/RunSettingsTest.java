package org.megalut.spark.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void oneDirectoryHasOneQualifiedNameHoweverItIsWritten() throws Exception {
        // The completion records fingerprint the branch by this name: a directory given as a URI with a
        // trailing slash (demo) and as a plain path (run --branch) must be the same branch.
        Configuration conf = new Configuration();
        Path dir = Files.createDirectories(tmp.resolve("branch"));
        String qualified = RunSettings.qualify(dir.toString(), conf);
        assertEquals(qualified, RunSettings.qualify(dir.toUri().toString(), conf), dir.toUri().toString());
        assertEquals(qualified, RunSettings.qualify(dir + "/", conf));
        assertEquals(qualified, RunSettings.qualify("file://" + dir, conf));
        assertEquals("", RunSettings.qualify("", conf));
    }
}
