package ai.revo.missioncontrol.platform.persistence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir where the embedded database, the generated JWT secret and other local state live
 * @param appRole the non-superuser PostgreSQL role the application's runtime connections switch to;
 *                row-level security applies to it
 * @param embeddedPort fixed port for the embedded PostgreSQL, 0 for any free port
 */
@ConfigurationProperties(prefix = "mc")
record DatabaseProperties(
        @DefaultValue("./data") Path dataDir, @DefaultValue Db db) {

    record Db(
            @DefaultValue("mc_app") String appRole,
            @DefaultValue("0") int embeddedPort) {
        Db {
            if (!appRole.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("mc.db.app-role must be a plain lower-case identifier: " + appRole);
            }
        }
    }
}
