package be.twe.statistics.rest;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** Statistics rows as CSV with Jackson's CSV module: a header row, then one line per row. */
final class CsvTables {
    private static final CsvMapper CSV = new CsvMapper();

    private CsvTables() {
    }

    static String write(List<String> columns, List<? extends List<?>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Plain values are always writable", e);
        }
    }
}
