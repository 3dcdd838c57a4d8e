package org.megalut.spark.steps;

import com.typesafe.config.Config;
import java.util.Locale;
import java.util.TreeSet;
import org.megalut.sim.megalut.DatasetSpec;
import org.megalut.sim.megalut.Distribution;

/** Reads a dataset spec from the {@code datasets.<name>} section of the configuration. */
public final class DatasetSettings {

    private DatasetSettings() { }

    /**
     * @throws IllegalArgumentException naming the valid datasets when the name is unknown
     */
    public static DatasetSpec spec(Config root, String name) {
        Config all = root.getConfig("datasets");
        if (!all.hasPath(name)) {
            throw new IllegalArgumentException("unknown dataset '" + name + "'; configured datasets: "
                    + new TreeSet<>(all.root().keySet()));
        }
        Config c = all.getConfig(name);
        String grouping = c.getString("grouping").toLowerCase(Locale.ROOT);
        DatasetSpec.Grouping g = switch (grouping) {
            case "galaxy" -> DatasetSpec.Grouping.GALAXY;
            case "shear" -> DatasetSpec.Grouping.SHEAR;
            default -> throw new IllegalArgumentException("datasets." + name + ".grouping must be galaxy or shear, got " + grouping);
        };
        return new DatasetSpec(name, Distribution.byName(c.getString("dist")), c.getInt("n"), c.getInt("nc"),
                c.getInt("nrea"), c.getInt("ncat"), c.getInt("snc"), c.getDouble("shear"),
                c.getBoolean("shear-per-catalog"), c.getBoolean("noise"), g);
    }
}
