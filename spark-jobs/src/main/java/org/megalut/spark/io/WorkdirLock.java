package org.megalut.spark.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exclusive use of a work directory by one command at a time: the file {@code <workdir>/_lock} names
 * the holder (host, process id, command, start time) and is created only if absent, which HDFS and the
 * local file system do atomically. A second command on the same work directory is refused with a message
 * naming the holder. A lock whose process no longer exists on this host (a killed run) is stale: it is
 * replaced, with a warning. A lock held from another host cannot be checked from here; the message says
 * how to remove it once that run is known to be gone.
 *
 * <p>Holding the lock, the command also removes what killed writers left behind (Spark's
 * {@code .spark-staging-*} and {@code _temporary} directories, hidden {@code .name.tmp} files of
 * {@link AtomicWrite}): with no other writer running they can only be leftovers.
 */
public final class WorkdirLock implements AutoCloseable {
    /** Name of the lock file in the work directory. */
    public static final String NAME = "_lock";
    private static final Logger LOG = LoggerFactory.getLogger(WorkdirLock.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem fs;
    private final Path file;
    private final String token;

    private WorkdirLock(FileSystem fs, Path file, String token) {
        this.fs = fs;
        this.file = file;
        this.token = token;
    }

    /**
     * Takes the lock of a work directory (creating the directory) and removes leftovers of killed writes.
     *
     * @param command what holds it, for the message a second command gets
     * @throws IllegalStateException when another live process holds it
     * @throws IOException           when the work directory cannot be written
     */
    public static WorkdirLock acquire(String workdir, Configuration conf, String command) throws IOException {
        Path dir = new Path(workdir);
        FileSystem fs = dir.getFileSystem(conf);
        Path file = new Path(dir, NAME);
        ObjectNode me = JSON.createObjectNode();
        me.put("host", host());
        me.put("pid", ProcessHandle.current().pid());
        me.put("command", command);
        me.put("started", Instant.now().toString());
        String token = JSON.writeValueAsString(me);
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                if (!fs.mkdirs(dir)) {
                    throw new IOException("cannot create it");
                }
                try (OutputStream out = fs.create(file, false)) {
                    out.write(token.getBytes(StandardCharsets.UTF_8));
                }
            } catch (FileAlreadyExistsException e) {
                JsonNode holder = holder(fs, file);
                if (attempt == 0 && stale(holder)) {
                    LOG.warn("removing the stale lock {} of a process that no longer runs: {}", file, holder);
                    fs.delete(file, false);
                    continue;
                }
                throw new IllegalStateException("work directory " + workdir + " is in use" + describe(holder)
                        + "; wait for that command to finish, or if it is gone, delete " + file);
            } catch (IOException e) {
                throw new IOException("work directory " + workdir + " cannot be written: " + e.getMessage(), e);
            }
            WorkdirLock lock = new WorkdirLock(fs, file, token);
            lock.removeLeftovers(dir);
            return lock;
        }
        throw new IllegalStateException("work directory " + workdir + " is in use (its lock " + file + " came back)");
    }

    /** Releases the lock if it is still ours. */
    @Override
    public void close() throws IOException {
        JsonNode now = holder(fs, file);
        if (now != null && token.equals(JSON.writeValueAsString(now))) {
            fs.delete(file, false);
        }
    }

    private static JsonNode holder(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return JSON.readTree(in);
        } catch (FileNotFoundException e) {
            return null;
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode(); // torn write of a killed holder: unknown holder
        }
    }

    /** A lock of this host whose process is gone, or an unreadable (torn) lock file. */
    private static boolean stale(JsonNode holder) {
        if (holder == null || !holder.has("pid") || !holder.has("host")) {
            return true;
        }
        return holder.get("host").asText().equals(host())
                && ProcessHandle.of(holder.get("pid").asLong()).map(p -> !p.isAlive()).orElse(true);
    }

    private static String describe(JsonNode h) {
        if (h == null || !h.has("pid")) {
            return "";
        }
        return " by '" + h.path("command").asText() + "' (process " + h.get("pid").asLong() + " on " + h.path("host").asText()
                + " since " + h.path("started").asText() + ")";
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Deletes Spark's staging and temporary directories and AtomicWrite's hidden temporaries. */
    private void removeLeftovers(Path dir) throws IOException {
        TreeSet<Path> doomed = new TreeSet<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
        String root = fs.makeQualified(dir).toUri().getPath();
        while (it.hasNext()) {
            Path p = it.next().getPath();
            List<String> parts = List.of(p.toUri().getPath().substring(root.length()).replaceFirst("^/", "").split("/"));
            Path prefix = fs.makeQualified(dir);
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i);
                prefix = new Path(prefix, part);
                boolean last = i == parts.size() - 1;
                if (part.startsWith(".spark-staging-") || part.equals("_temporary")
                        || (last && AtomicWrite.isTemporary(part))) {
                    doomed.add(prefix);
                    break;
                }
            }
        }
        List<String> removed = new ArrayList<>();
        for (Path p : doomed) {
            if (fs.delete(p, true)) {
                removed.add(p.toString());
            }
        }
        if (!removed.isEmpty()) {
            LOG.warn("removed {} leftover(s) of interrupted writes: {}", removed.size(), removed);
        }
    }
}
