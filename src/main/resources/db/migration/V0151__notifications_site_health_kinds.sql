-- The data monitor's notifications: a site went SILENT, and its data flows again. The kinds are added to whatever
-- the constraint lists at this point, so kinds other modules added in the meantime stay.
DO $$
DECLARE
    def text;
BEGIN
    SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
    WHERE conrelid = 'notifications'::regclass AND conname = 'notifications_kind_check';
    IF def IS NOT NULL AND position('SITE_SILENT' IN def) = 0 THEN
        EXECUTE 'ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check';
        EXECUTE 'ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check '
            || replace(def, 'ARRAY[', 'ARRAY[''SITE_SILENT''::text, ''SITE_RESUMED''::text, ');
    END IF;
END
$$;
