package ai.revo.missioncontrol.imports;

import ai.revo.missioncontrol.platform.ApiException;
import java.util.Locale;

/** The file kinds an import reads. */
public enum ImportFormat {
    CSV,
    XLSX;

    /** From the file's first bytes (an XLSX is a zip), else its name; 400 for anything else. */
    static ImportFormat of(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip =
                content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (zip) {
            if (name.endsWith(".xls")) {
                throw ApiException.invalidField("file", "is an old Excel file (.xls); save it as .xlsx or CSV");
            }
            return XLSX;
        }
        if (content.length >= 8 && (content[0] & 0xff) == 0xD0 && (content[1] & 0xff) == 0xCF) {
            throw ApiException.invalidField("file", "is an old Excel file (.xls); save it as .xlsx or CSV");
        }
        if (name.endsWith(".xlsx")) {
            throw ApiException.invalidField("file", "is named .xlsx but is not an Excel workbook");
        }
        return CSV;
    }
}
