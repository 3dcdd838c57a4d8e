package org.megalut.spark.io;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.megalut.spark.io.SmallTable.Column;

/** Writes a {@link SmallTable} as one Snappy-compressed Parquet file, nullable columns of the table's types. */
final class SmallTableParquet {

    private SmallTableParquet() { }

    /** Writes the table to the path (replaced if present). */
    static void write(SmallTable table, Path path, Configuration conf) throws IOException {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column c : table.columns()) {
            switch (c.type()) {
                case INT -> b.optional(PrimitiveTypeName.INT32).named(c.name());
                case LONG -> b.optional(PrimitiveTypeName.INT64).named(c.name());
                case DOUBLE -> b.optional(PrimitiveTypeName.DOUBLE).named(c.name());
                case STRING -> b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
            }
        }
        MessageType schema = b.named("table");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(path).withConf(conf).withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (Object[] r : table.rows()) {
                Group g = groups.newGroup();
                for (int i = 0; i < r.length; i++) {
                    if (r[i] == null) {
                        continue;
                    }
                    String n = table.columns().get(i).name();
                    switch (table.columns().get(i).type()) {
                        case INT -> g.add(n, ((Number) r[i]).intValue());
                        case LONG -> g.add(n, ((Number) r[i]).longValue());
                        case DOUBLE -> g.add(n, ((Number) r[i]).doubleValue());
                        case STRING -> g.add(n, r[i].toString());
                    }
                }
                w.write(g);
            }
        }
    }
}
