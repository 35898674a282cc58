package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.JdbcValueConverters;
import java.util.List;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.stereotype.Component;

/** Stores {@link TenantId} and {@link UserId} as plain uuid columns. */
@Component
class IdentityConverters implements JdbcValueConverters {

    @Override
    public List<?> converters() {
        return List.of(new TenantIdWriter(), new TenantIdReader(), new UserIdWriter(), new UserIdReader());
    }

    @WritingConverter
    static class TenantIdWriter implements Converter<TenantId, UUID> {
        @Override
        public UUID convert(TenantId source) {
            return source.value();
        }
    }

    @ReadingConverter
    static class TenantIdReader implements Converter<UUID, TenantId> {
        @Override
        public TenantId convert(UUID source) {
            return new TenantId(source);
        }
    }

    @WritingConverter
    static class UserIdWriter implements Converter<UserId, UUID> {
        @Override
        public UUID convert(UserId source) {
            return source.value();
        }
    }

    @ReadingConverter
    static class UserIdReader implements Converter<UUID, UserId> {
        @Override
        public UserId convert(UUID source) {
            return new UserId(source);
        }
    }
}
