package be.twe.statistics.rest;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Statistics rows as CSV with Jackson's CSV module: a header row, then one line per row. A text
 * cell that a spreadsheet would read as a formula (it starts with =, +, -, @, tab or carriage
 * return; a training name can be anything) gets a leading apostrophe, as OWASP's CSV injection
 * guidance says; numbers are written as they are.
 */
final class CsvTables {
    private static final CsvMapper CSV = new CsvMapper();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvTables() {
    }

    static String write(List<String> columns, List<? extends List<?>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows.stream().map(CsvTables::neutralised).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Plain values are always writable", e);
        }
    }

    private static List<?> neutralised(List<?> row) {
        return row.stream().map(cell -> cell instanceof String text && !text.isEmpty()
                && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : cell).toList();
    }
}
