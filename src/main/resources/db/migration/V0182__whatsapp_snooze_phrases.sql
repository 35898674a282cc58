-- The phrases that snooze a lead when a person writes them to the number ("not now", "later" ...), a workspace
-- setting kept with its number beside the stop words; comma-separated, lower case, matched as whole words.
ALTER TABLE whatsapp_numbers ADD COLUMN snooze_phrases text NOT NULL DEFAULT 'not now,later,busy,next month';
