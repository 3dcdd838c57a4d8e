package org.megalut.spark.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** A table declared once gives its schema, its rows, and its values back from rows read by name. */
class TableSpecTest {

    record Shape(double g1, double g2) { }

    record Item(int subfield, long id, double size, Double weight, boolean kept, Shape shape) { }

    static final List<ColumnSpec<Shape>> SHAPE = List.of(
            ColumnSpec.real("g1", Shape::g1),
            ColumnSpec.nullable("g2", DataTypes.DoubleType, s -> Double.isFinite(s.g2()) ? s.g2() : null));

    static final TableSpec<Item> TABLE = TableSpec.<Item>builder("items")
            .integer("subfield", Item::subfield)
            .longInteger("id", Item::id)
            .real("size", Item::size)
            .nullable("weight", DataTypes.DoubleType, Item::weight)
            .column(ColumnSpec.bool("kept", Item::kept))
            .group(SHAPE, Item::shape)
            .decoder(TableSpecTest::decode)
            .build();

    private static Item decode(RowCells c) {
        double weight = c.doubleOrNaN("weight");
        return new Item(c.getInt("subfield"), c.getLong("id"), c.getDouble("size"), Double.isNaN(weight) ? null : weight,
                c.getBoolean("kept"), new Shape(c.getDouble("g1"), c.doubleOrNaN("g2")));
    }

    @Test
    void theSchemaListsTheColumnsInOrderWithTypesAndNullability() {
        StructType expected = DataTypes.createStructType(new StructField[] {
            DataTypes.createStructField("subfield", DataTypes.IntegerType, false),
            DataTypes.createStructField("id", DataTypes.LongType, false),
            DataTypes.createStructField("size", DataTypes.DoubleType, false),
            DataTypes.createStructField("weight", DataTypes.DoubleType, true),
            DataTypes.createStructField("kept", DataTypes.BooleanType, false),
            DataTypes.createStructField("g1", DataTypes.DoubleType, false),
            DataTypes.createStructField("g2", DataTypes.DoubleType, true)});
        assertEquals(expected, TABLE.schema());
    }

    @Test
    void aRowHoldsTheBoxedCellsAndDecodesBackByName() {
        Item item = new Item(3, 3_000_001L, Double.NaN, 0.5, true, new Shape(-0.1, 0.2));
        Object[] v = TABLE.values(item);
        assertArrayEquals(new Object[] {3, 3_000_001L, Double.NaN, 0.5, true, -0.1, 0.2}, v);
        assertEquals(Integer.class, v[0].getClass());
        assertEquals(Long.class, v[1].getClass());
        assertEquals(item, TABLE.decode(new GenericRowWithSchema(v, TABLE.schema())));
    }

    @Test
    void decodingFindsColumnsByNameNotPosition() {
        Item item = new Item(1, 7L, 2.0, 1.0, false, new Shape(0.3, 0.4));
        Object[] v = TABLE.values(item);
        StructField[] f = TABLE.schema().fields();
        // the same cells in reverse order, as another writer might store them
        Object[] reversed = new Object[v.length];
        StructField[] reversedFields = new StructField[f.length];
        for (int i = 0; i < v.length; i++) {
            reversed[i] = v[v.length - 1 - i];
            reversedFields[i] = f[f.length - 1 - i];
        }
        assertEquals(item, TABLE.decode(new GenericRowWithSchema(reversed, DataTypes.createStructType(reversedFields))));
    }

    @Test
    void nullsGoToNullableColumnsOnlyAndReadBackAsNullOrNaN() {
        Item masked = new Item(0, 1L, 1.0, null, false, new Shape(0, Double.POSITIVE_INFINITY));
        Object[] v = TABLE.values(masked);
        assertEquals(null, v[3]);
        assertEquals(null, v[6], "a non-finite value of this nullable column is stored as null");
        Item back = TABLE.decode(new GenericRowWithSchema(v, TABLE.schema()));
        assertEquals(null, back.weight());
        assertTrue(Double.isNaN(back.shape().g2()));

        TableSpec<Item> wrong = TableSpec.<Item>builder("wrong")
                .column(new ColumnSpec<>("weight", DataTypes.DoubleType, false, Item::weight)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wrong.values(masked));
        assertTrue(e.getMessage().contains("wrong") && e.getMessage().contains("weight"), e.getMessage());
    }

    @Test
    void decodingFailsNamingTheTableAndTheColumn() {
        Object[] v = TABLE.values(new Item(0, 1L, 1.0, null, false, new Shape(0, 0)));
        Row row = new GenericRowWithSchema(v, TABLE.schema());
        TableSpec<Double> undeclared = TableSpec.<Double>builder("weights").real("weight", d -> d)
                .decoder(c -> c.getDouble("size")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> undeclared.decode(row));
        assertTrue(e.getMessage().contains("weights") && e.getMessage().contains("size"), e.getMessage());
        TableSpec<Double> nullRead = TableSpec.<Double>builder("weights").real("weight", d -> d)
                .decoder(c -> c.getDouble("weight")).build();
        e = assertThrows(IllegalArgumentException.class, () -> nullRead.decode(row));
        assertTrue(e.getMessage().contains("'weight' is null"), e.getMessage());
        TableSpec<Double> missing = TableSpec.<Double>builder("other").real("mass", d -> d)
                .decoder(c -> c.getDouble("mass")).build();
        e = assertThrows(IllegalArgumentException.class, () -> missing.decode(row));
        assertTrue(e.getMessage().contains("no column 'mass'"), e.getMessage());
        TableSpec<Double> writeOnly = TableSpec.<Double>builder("w").real("weight", d -> d).build();
        assertThrows(UnsupportedOperationException.class, () -> writeOnly.decode(row));
    }

    @Test
    void aColumnNameIsDeclaredOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TableSpec.<Item>builder("twice").real("size", Item::size).group(SHAPE, Item::shape)
                        .real("g1", Item::size).build());
        assertTrue(e.getMessage().contains("'g1'"), e.getMessage());
    }

    @Test
    void aSpecSurvivesJavaSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(TABLE);
        }
        TableSpec<?> copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (TableSpec<?>) in.readObject();
        }
        @SuppressWarnings("unchecked")
        TableSpec<Item> spec = (TableSpec<Item>) copy;
        Item item = new Item(2, 5L, 1.5, null, true, new Shape(0.1, 0.2));
        assertEquals(TABLE.schema(), spec.schema());
        assertArrayEquals(TABLE.values(item), spec.values(item));
        assertEquals(item, spec.decode(new GenericRowWithSchema(spec.values(item), spec.schema())));
    }
}
