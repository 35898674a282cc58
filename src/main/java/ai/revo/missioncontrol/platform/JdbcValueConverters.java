package ai.revo.missioncontrol.platform;

import java.util.List;

/**
 * A module's contribution of Spring Data JDBC converters, for value types such as ids that are stored as one
 * column. Each converter carries {@code @ReadingConverter} or {@code @WritingConverter}.
 */
public interface JdbcValueConverters {

    List<?> converters();
}
