package ai.revo.missioncontrol.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A workspace's logo. Only a real PNG, JPEG or GIF is kept: the type is read from the file's own bytes (never from
 * what the browser claims), the image must decode, be at most {@link #MAX_BYTES} and {@link #MAX_SIDE} pixels a
 * side. SVG is refused: it can carry scripts.
 */
@Table("workspace_logos")
class WorkspaceLogo {

    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_SIDE = 2048;
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif");

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private String contentType;
    private byte[] image;
    private int width;
    private int height;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    WorkspaceLogo(
            UUID id,
            TenantId tenantId,
            String contentType,
            byte[] image,
            int width,
            int height,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.contentType = contentType;
        this.image = image;
        this.width = width;
        this.height = height;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new logo for the workspace; {@link Tenant.InvalidSetting} (field {@code logo}) when the file is not one. */
    static WorkspaceLogo of(TenantId tenant, byte[] file, Instant now) {
        WorkspaceLogo logo = new WorkspaceLogo(UUID.randomUUID(), tenant, null, null, 0, 0, null, now, now);
        logo.replace(file, now);
        return logo;
    }

    /** Replaces the image, checked as in {@link #of}. */
    void replace(byte[] file, Instant now) {
        if (file == null || file.length == 0) {
            throw new Tenant.InvalidSetting("logo", "is empty: choose a PNG, JPEG or GIF file");
        }
        if (file.length > MAX_BYTES) {
            throw new Tenant.InvalidSetting("logo", "is larger than 256 KB");
        }
        Checked checked = check(file);
        this.contentType = "image/" + checked.format();
        this.image = file.clone();
        this.width = checked.width();
        this.height = checked.height();
        this.updatedAt = now;
    }

    private record Checked(String format, int width, int height) {}

    private static Checked check(byte[] file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new Tenant.InvalidSetting("logo", "is not a PNG, JPEG or GIF image");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (format.equals("jpg")) {
                    format = "jpeg";
                }
                if (!FORMATS.contains(format)) {
                    throw new Tenant.InvalidSetting("logo", "is not a PNG, JPEG or GIF image");
                }
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                // the header is checked before any pixel is decoded, so a tiny file cannot claim a huge image
                if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE) {
                    throw new Tenant.InvalidSetting("logo", "must be at most 2048 × 2048 pixels");
                }
                if (reader.read(0) == null) {
                    throw new Tenant.InvalidSetting("logo", "could not be read as an image");
                }
                return new Checked(format, w, h);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Tenant.InvalidSetting invalid) {
                throw invalid;
            }
            throw new Tenant.InvalidSetting("logo", "could not be read as an image (damaged or not an image)");
        }
    }

    TenantId tenantId() {
        return tenantId;
    }

    String contentType() {
        return contentType;
    }

    byte[] image() {
        return image.clone();
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
