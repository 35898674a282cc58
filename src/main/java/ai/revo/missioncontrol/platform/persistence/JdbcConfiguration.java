package ai.revo.missioncontrol.platform.persistence;

import ai.revo.missioncontrol.platform.JdbcValueConverters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;

/** Spring Data JDBC with the value-type converters (ids and the like) that modules contribute. */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration extends AbstractJdbcConfiguration {

    private final ObjectProvider<JdbcValueConverters> contributions;

    JdbcConfiguration(ObjectProvider<JdbcValueConverters> contributions) {
        this.contributions = contributions;
    }

    @Override
    protected List<?> userConverters() {
        List<Object> converters = new ArrayList<>();
        contributions.orderedStream().forEach(c -> converters.addAll(c.converters()));
        return converters;
    }
}
