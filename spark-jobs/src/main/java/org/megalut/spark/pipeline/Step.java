package org.megalut.spark.pipeline;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.megalut.great3.ShearType;
import org.megalut.spark.StepOutcome;

/**
 * One step of the pipeline: its name (also its command's), what it reads and writes under the work
 * directory ({@link org.megalut.spark.WorkdirLayout}), the command-line options it takes beyond the common
 * ones, and its work.
 *
 * @param name         the step's name, e.g. {@code measure-obs}
 * @param description  one-paragraph help text, as lines
 * @param reads        what it reads: {@link #BRANCH} or outputs under the work directory
 * @param writes       what it writes under the work directory
 * @param options      its own command-line options
 * @param commandFrom  the first step its command runs (itself, or a step that makes its input when
 *                     missing: the {@code mimic} command simulates its dataset first)
 * @param validation   a validation step, which {@code run} skips unless {@code run.validate} is set
 * @param shearTypes   the branches' shear types ({@code branch.shear-type}) the step applies to; on others
 *                     it is skipped, with the reason
 * @param work         what it does
 */
public record Step(String name, List<String> description, List<String> reads, List<String> writes,
                   List<StepOption> options, String commandFrom, boolean validation, Set<ShearType> shearTypes,
                   Work work) {

    /** What {@link #reads} names for the GREAT3 branch's files (a step reading them needs a branch). */
    public static final String BRANCH = "branch";

    /** The work of a step. */
    @FunctionalInterface
    public interface Work {
        StepOutcome run(StepContext context) throws Exception;
    }

    public Step {
        description = List.copyOf(description);
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
        options = List.copyOf(options);
        shearTypes = Set.copyOf(shearTypes);
    }

    /** A step without options whose command runs only itself. */
    public static Step of(String name, List<String> description, List<String> reads, List<String> writes, Work work) {
        return new Step(name, description, reads, writes, List.of(), name, false, EnumSet.allOf(ShearType.class), work);
    }

    /** The same step with command-line options. */
    public Step withOptions(StepOption... more) {
        return new Step(name, description, reads, writes, List.of(more), commandFrom, validation, shearTypes, work);
    }

    /** The same step, marked as a validation step. */
    public Step asValidation() {
        return new Step(name, description, reads, writes, options, commandFrom, true, shearTypes, work);
    }

    /** The same step, whose command first runs the steps from {@code first}. */
    public Step commandFrom(String first) {
        return new Step(name, description, reads, writes, options, first, validation, shearTypes, work);
    }

    /** The same step, applying to branches of one shear type only. */
    public Step only(ShearType type) {
        return new Step(name, description, reads, writes, options, commandFrom, validation, EnumSet.of(type), work);
    }

    /** Whether the step applies to a branch of this shear type. */
    public boolean appliesTo(ShearType type) {
        return shearTypes.contains(type);
    }

    /** Whether the step reads the branch's files. */
    public boolean readsBranch() {
        return reads.contains(BRANCH);
    }
}
