package org.megalut.spark.pipeline;

import java.util.List;

/**
 * A command-line option of a step, declared without a command-line library: the command line builds the
 * option from it and hands its value to the step through {@link StepContext#option}.
 *
 * @param name        the option, e.g. {@code --pretrained-from}
 * @param label       the value's label in the help, or empty for a flag
 * @param type        the value's type ({@code Boolean} for a flag, {@code Integer}, {@code String})
 * @param description help text, as lines
 */
public record StepOption(String name, String label, Class<?> type, List<String> description) {

    /** {@code --predcode}: the prediction run a step writes or reads (default: the configuration's). */
    public static final StepOption PREDCODE = new StepOption("--predcode", "NAME", String.class, List.of(
            "Name of the prediction run; runs with different names are kept side by side under",
            "<workdir>/results/NAME (mimic: <workdir>/mimic/NAME). Default: the configuration's predcode."));

    /** {@code --pretrained-from} of {@code learn-weights}. */
    public static final StepOption PRETRAINED_FROM = new StepOption("--pretrained-from", "SUBFIELD", Integer.class, List.of(
            "Start each subfield's training from this subfield's trained weight committees (normers",
            "included) instead of a fresh initialisation; train that subfield first."));

    /** {@code --continue} of {@code learn} and {@code learn-weights}. */
    public static final StepOption CONTINUE = new StepOption("--continue", "", Boolean.class, List.of(
            "Continue the training of the set's existing committees: every member of each selected subfield",
            "starts from its saved parameters (normers kept) with a fresh iteration budget (the network's",
            "mbloops and maxiter), as Tenbilac's takeover; recorded in the committee file. The set must exist."));

    /** {@code --mimic} of {@code evaluate} and {@code report}. */
    public static final StepOption MIMIC = new StepOption("--mimic", "", Boolean.class, List.of(
            "Use the mimic run (<workdir>/mimic/<predcode>) instead of the observations."));

    /** {@code --keep-images} of the simulation steps. */
    public static final StepOption KEEP_IMAGES = new StepOption("--keep-images", "", Boolean.class, List.of(
            "Also write the rendered stamps as FITS grids (GREAT3-like, nc stamps per row) under",
            "<workdir>/sim-images/<dataset>/subfield=S/, for inspection; subfields already done are",
            "skipped, so combine with --force to image an existing dataset."));

    /** {@code --sort-by} of {@code check-psfs}. */
    public static final StepOption PSF_ORDER = new StepOption("--sort-by", "SIZE", String.class, List.of(
            "The PSF size the table is sorted by: mean (default, as MegaLUT: the mean adaptive-moment sigma",
            "of the subfield's stars) or star0 (the centred star 0, whose shape GREAT3's metric uses)."));

    /** {@code --json} of {@code evaluate}. */
    public static final StepOption JSON = new StepOption("--json", "", Boolean.class, List.of(
            "Print the metrics as JSON (what metrics.json holds) instead of the text summary."));

    public StepOption {
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException("an option's name starts with --, found " + name);
        }
        description = List.copyOf(description);
    }

    /** Whether the option is a flag (takes no value). */
    public boolean flag() {
        return type == Boolean.class;
    }
}
