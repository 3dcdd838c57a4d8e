package org.megalut.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.megalut.eval.GroupedSubfield;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.Submission;
import org.megalut.great3.SubmissionRow;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.RunCommittees;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.io.GroupTable;
import org.megalut.spark.io.WorkdirLock;
import org.megalut.spark.pipeline.StepOption;
import org.megalut.spark.settings.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "submission", mixinStandardHelpOptions = true,
        description = "Write the GREAT3 submission file (lines 'subfield g1 g2' with the weighted shears) from the group table of a prediction run; default <workdir>/results/<predcode>/submission.txt.")
final class SubmissionCommand implements Callable<Integer>, DeclaredOptions {
    @Mixin
    CommonOptions options;


    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Submission file (default: submission.txt in the run directory).")
    String out;

    @Override
    public List<StepOption> declaredOptions() {
        return List.of(StepOption.PREDCODE);
    }

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        PredictionRun run = new PredictionRun(settings.workdir(), StepCommand.predcode(StepCommand.given(spec, declaredOptions()),
                settings), PredictionRun.Target.OBS);
        Configuration conf = settings.hadoopConfiguration();
        try (WorkdirLock lock = WorkdirLock.acquire(settings.workdir(), conf, "submission")) {
            List<SubmissionRow> rows = new ArrayList<>();
            for (GroupedSubfield r : GroupTable.read(run.groupCsv(), conf)) {
                if (!BranchLayout.isDeep(r.subfield())) {
                    rows.add(new SubmissionRow(r.subfield(), r.s1w(), r.s2w()));
                }
            }
            Path file = out != null ? new Path(out) : run.submissionTxt();
            AtomicWrite.stream(file, conf, os -> new Submission(rows).write(os));
            RunCommittees sets = RunCommittees.read(run, conf);
            System.out.printf("submission: %d subfields -> %s%s%s%n", rows.size(), file,
                    rows.size() == 200 ? "" : " (GREAT3 expects the 200 regular subfields)",
                    sets == null ? "" : " (committee sets: " + sets + ")");
            return 0;
        }
    }
}
