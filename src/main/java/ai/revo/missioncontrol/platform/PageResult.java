package ai.revo.missioncontrol.platform;

import java.util.List;
import java.util.function.Function;

/** The list envelope of the API: {@code {"data": [...], "pagination": {page, limit, total, totalPages}}}. */
public record PageResult<T>(List<T> data, Pagination pagination) {

    public record Pagination(int page, int limit, long total, long totalPages) {}

    public static <T> PageResult<T> of(List<T> data, PageQuery query, long total) {
        long pages = total == 0 ? 0 : (total + query.limit() - 1) / query.limit();
        return new PageResult<>(List.copyOf(data), new Pagination(query.page(), query.limit(), total, pages));
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(data.stream().map(mapper).toList(), pagination);
    }
}
