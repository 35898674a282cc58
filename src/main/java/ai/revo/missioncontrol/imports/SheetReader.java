package ai.revo.missioncontrol.imports;

import ai.revo.missioncontrol.platform.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads a CSV (comma, semicolon or tab; UTF-8 with or without BOM) or the first sheet of an XLSX as a stream of rows,
 * never the whole sheet in memory. Row 1 is the header; numbers are the spreadsheet's row numbers.
 */
final class SheetReader {

    /** Receives each row; return false to stop reading. */
    interface RowHandler {
        boolean row(int rowNumber, List<String> cells);
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private SheetReader() {}

    static void read(byte[] content, ImportFormat format, RowHandler handler) {
        try {
            if (format == ImportFormat.XLSX) {
                readXlsx(content, handler);
            } else {
                readCsv(content, handler);
            }
        } catch (Stop stop) {
            // the handler had enough
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.invalidField("file", "could not be read as " + format + ": " + e.getMessage());
        }
    }

    private static void readCsv(byte[] content, RowHandler handler) throws IOException {
        int start = content.length >= 3
                        && (content[0] & 0xff) == 0xEF
                        && (content[1] & 0xff) == 0xBB
                        && (content[2] & 0xff) == 0xBF
                ? 3
                : 0;
        char delimiter = delimiter(content, start);
        CSVFormat csv = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setTrim(true)
                .get();
        try (Reader reader = new InputStreamReader(
                        new ByteArrayInputStream(content, start, content.length - start), StandardCharsets.UTF_8);
                CSVParser parser = csv.parse(reader)) {
            int row = 0;
            for (CSVRecord record : parser) {
                row++;
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                if (!handler.row(row, cells)) {
                    return;
                }
            }
        }
    }

    /** The delimiter that splits the first line into the most columns (comma, semicolon or tab). */
    private static char delimiter(byte[] content, int start) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = start; i < content.length; i++) {
            byte b = content[i];
            if (b == '"') quoted = !quoted;
            if (quoted) continue;
            if (b == '\n') break;
            if (b == ',') comma++;
            if (b == ';') semicolon++;
            if (b == '\t') tab++;
        }
        if (semicolon > comma && semicolon >= tab) return ';';
        if (tab > comma && tab > semicolon) return '\t';
        return ',';
    }

    private static void readXlsx(byte[] content, RowHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(
                        reader.getStylesTable(), null, strings, new Rows(handler), new PlainNumbers(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (Stop stop) {
            throw stop;
        } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException | org.xml.sax.SAXException e) {
            throw ApiException.invalidField("file", "is not a readable Excel workbook");
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whole numbers in General format as plain digits (a phone in a number cell is not 4.16555E+9). */
    private static final class PlainNumbers extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if ("General".equalsIgnoreCase(formatString) && value == Math.rint(value) && Math.abs(value) < 1e17) {
                return new BigDecimal(value).toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private List<String> cells = new ArrayList<>();
        private int lastRow = 0;

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            // rows the sheet leaves out are blank rows
            for (int r = lastRow + 1; r < rowNum + 1; r++) {
                if (!handler.row(r, List.of())) {
                    throw new Stop();
                }
            }
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            lastRow = rowNum + 1;
            if (!handler.row(rowNum + 1, cells)) {
                throw new Stop();
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value.trim());
        }
    }
}
