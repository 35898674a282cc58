-- A webhook subscription that kept failing was disabled. The kind is added to whatever the constraint lists at this
-- point, so kinds other modules added in the meantime stay.
DO $$
DECLARE
    def text;
BEGIN
    SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
    WHERE conrelid = 'notifications'::regclass AND conname = 'notifications_kind_check';
    IF def IS NOT NULL AND position('WEBHOOK_DISABLED' IN def) = 0 THEN
        EXECUTE 'ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check';
        EXECUTE 'ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check '
            || replace(def, 'ARRAY[', 'ARRAY[''WEBHOOK_DISABLED''::text, ');
    END IF;
END
$$;
