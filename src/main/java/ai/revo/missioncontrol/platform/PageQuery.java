package ai.revo.missioncontrol.platform;

/**
 * A page of a list, 1-based; {@code limit} at most 200. Bound from {@code ?page=&limit=}.
 */
public record PageQuery(Integer page, Integer limit) {

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_PAGE = 100_000;

    public PageQuery {
        if (page == null) {
            page = 1;
        }
        if (limit == null) {
            limit = DEFAULT_LIMIT;
        }
        if (page < 1 || page > MAX_PAGE) {
            throw ApiException.invalidField("page", "must be between 1 and " + MAX_PAGE);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }
}
