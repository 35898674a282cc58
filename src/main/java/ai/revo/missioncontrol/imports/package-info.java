/**
 * Owns contact imports (CSV and XLSX: upload, column mapping remembered per header set, preview, validation,
 * background run with progress and cancel, the rows not imported) and CSV exports of contacts and leads. Writes
 * contacts only through the contacts module's batch facade. Publishes {@code import.*} events; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Imports",
        allowedDependencies = {"identity", "contacts"})
package ai.revo.missioncontrol.imports;
