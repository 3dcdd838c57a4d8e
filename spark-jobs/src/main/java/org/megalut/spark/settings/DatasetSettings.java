package org.megalut.spark.settings;

import com.typesafe.config.Config;
import java.util.Locale;
import org.megalut.sim.megalut.DatasetSpec;
import org.megalut.sim.megalut.Distribution;

/** Reads a dataset spec from the {@code datasets.<name>} section of the configuration. */
public final class DatasetSettings {

    private DatasetSettings() { }

    /**
     * The spec of a dataset of the configuration ({@link Recipe#dataset} tells an unknown name apart).
     *
     * @throws IllegalArgumentException for an invalid setting of the dataset
     */
    public static DatasetSpec spec(Config root, String name) {
        Config c = root.getConfig("datasets").getConfig(name);
        String grouping = c.getString("grouping").toLowerCase(Locale.ROOT);
        DatasetSpec.Grouping g = switch (grouping) {
            case "galaxy" -> DatasetSpec.Grouping.GALAXY;
            case "shear" -> DatasetSpec.Grouping.SHEAR;
            default -> throw new IllegalArgumentException("datasets." + name + ".grouping must be galaxy or shear, got " + grouping);
        };
        // The branch's observation type sets the sizes and fluxes the distributions draw.
        return new DatasetSpec(name, Distribution.byName(c.getString("dist")), RunSettings.Grid.from(root).obstype(),
                c.getInt("n"), c.getInt("nc"), c.getInt("nrea"), c.getInt("ncat"), c.getInt("snc"),
                c.getDouble("shear"), c.getBoolean("shear-per-catalog"), c.getBoolean("noise"), g);
    }

    /**
     * A dataset's settings under their configuration keys ({@code datasets.<name>.*}), for the
     * fingerprints of the steps that simulate or read it. The observation type is the branch's: it enters
     * through the branch geometry's fingerprint ({@link RunSettings.Grid#fingerprint()}).
     */
    public static Fingerprint fingerprint(DatasetSpec spec) {
        String k = "datasets." + spec.name() + ".";
        return Fingerprint.of().with(k + "dist", spec.distribution().name().toLowerCase(Locale.ROOT))
                .with(k + "n", spec.n()).with(k + "nc", spec.nc()).with(k + "nrea", spec.nrea())
                .with(k + "ncat", spec.ncat()).with(k + "snc", spec.snc()).with(k + "shear", spec.shear())
                .with(k + "shear-per-catalog", spec.shearPerCatalog()).with(k + "noise", spec.noise())
                .with(k + "grouping", spec.grouping().name().toLowerCase(Locale.ROOT));
    }
}
