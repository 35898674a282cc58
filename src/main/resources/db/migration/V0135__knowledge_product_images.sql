-- A product's picture, stored with the product (so removing the product removes it): JPEG, PNG or WebP, the type read
-- from the bytes, at most 5 MB. image_etag is the SHA-256 of the bytes (hex), served as the ETag. The bytes are not
-- mapped on the Product aggregate, so reading a product never loads them.
ALTER TABLE products
    ADD COLUMN image      bytea CHECK (image IS NULL OR octet_length(image) BETWEEN 1 AND 5242880),
    ADD COLUMN image_type text  CHECK (image_type IN ('image/jpeg', 'image/png', 'image/webp')),
    ADD COLUMN image_etag text  CHECK (image_etag ~ '^[0-9a-f]{64}$'),
    ADD COLUMN image_size integer,
    -- the metadata comes together; the bytes are written right after the row, in the same transaction
    ADD CONSTRAINT products_image_described CHECK (
        (image_type IS NULL) = (image_etag IS NULL) AND (image_type IS NULL) = (image_size IS NULL)
        AND (image IS NULL OR image_type IS NOT NULL));
