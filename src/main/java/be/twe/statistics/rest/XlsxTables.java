package be.twe.statistics.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Statistics rows as a spreadsheet (fastexcel, streaming): the sheet "figures" holds the header
 * row and one row per group, numbers as numbers; the sheet "about" says what the figure is, which
 * of the Parliament's questions it answers, how it was asked (disclosure, municipalities) and what
 * each column means. Cells are written as values, never as formulas, so no text can run as one.
 */
final class XlsxTables {
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** How the figure was asked: the call, its disclosure and its municipality mapping, in words. */
    record About(StatisticsContract.Call call, String request, String disclosure, String municipalities) {
    }

    private XlsxTables() {
    }

    static byte[] write(List<String> columns, List<? extends List<?>> rows, About about) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "TWE-OCMW API", "1.0")) {
            figures(workbook.newWorksheet("figures"), columns, rows);
            about(workbook.newWorksheet("about"), columns, about);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("A spreadsheet in memory cannot fail to be written", e);
        }
        return out.toByteArray();
    }

    private static void figures(Worksheet sheet, List<String> columns, List<? extends List<?>> rows) {
        header(sheet, 0, columns.toArray(String[]::new));
        for (int r = 0; r < rows.size(); r++) {
            List<?> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell instanceof Number number) {
                    sheet.value(r + 1, c, number);
                } else if (cell != null) {
                    sheet.value(r + 1, c, cell.toString());
                }
            }
        }
        sheet.freezePane(0, 1);
    }

    private static void about(Worksheet sheet, List<String> columns, About about) {
        int r = 0;
        r = line(sheet, r, "figure", about.call().summary());
        r = line(sheet, r, "call", about.request());
        for (String question : about.call().questions()) {
            r = line(sheet, r, "Parliament's question", question);
        }
        r = line(sheet, r, "disclosure", about.disclosure());
        r = line(sheet, r, "municipalities", about.municipalities());
        header(sheet, ++r, "column", "meaning");
        for (String column : columns) {
            r = line(sheet, r + 1, column, about.call().columns().getOrDefault(column, "")) - 1;
        }
        sheet.width(0, 24);
        sheet.width(1, 100);
    }

    private static int line(Worksheet sheet, int r, String name, String value) {
        sheet.value(r, 0, name);
        sheet.value(r, 1, value);
        return r + 1;
    }

    private static void header(Worksheet sheet, int r, String... names) {
        for (int c = 0; c < names.length; c++) {
            sheet.value(r, c, names[c]);
            sheet.style(r, c).bold().set();
        }
    }
}
