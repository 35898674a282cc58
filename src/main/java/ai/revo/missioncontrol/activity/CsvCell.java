package ai.revo.missioncontrol.activity;

/**
 * One CSV cell, quoted when needed, and neutralised against spreadsheet formula injection: a cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return is prefixed with an apostrophe.
 */
final class CsvCell {

    private CsvCell() {}

    static String of(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
