-- Citus distributes a table only when each of its unique keys holds the distribution column (issue 24:
-- company_id). Four tenant tables still had one without it.
--
-- The links' tokens (a quotation's page, a contact's answer to an invitation, a user's calendar feed)
-- are unique per company. A new token names its company (embudo.company_token, base/helpers.sql), so
-- that resolving it reads that company's rows alone; a token issued before names none and is still
-- found by its hash alone, through a plain index.
ALTER TABLE sale_order_portal_token DROP CONSTRAINT sale_order_portal_token_token_hash_key;
ALTER TABLE sale_order_portal_token ADD CONSTRAINT sale_order_portal_token_token_hash_key UNIQUE (company_id, token_hash);
CREATE INDEX sale_order_portal_token_hash ON sale_order_portal_token (token_hash);
ALTER TABLE calendar_attendee_token DROP CONSTRAINT calendar_attendee_token_token_hash_key;
ALTER TABLE calendar_attendee_token ADD CONSTRAINT calendar_attendee_token_token_hash_key UNIQUE (company_id, token_hash);
CREATE INDEX calendar_attendee_token_hash ON calendar_attendee_token (token_hash);
ALTER TABLE calendar_feed DROP CONSTRAINT calendar_feed_token_hash_key;
ALTER TABLE calendar_feed ADD CONSTRAINT calendar_feed_token_hash_key UNIQUE (company_id, token_hash);
CREATE INDEX calendar_feed_hash ON calendar_feed (token_hash);

-- The delivery worker settles a message by its id (an identity: unique without an index saying so).
DROP INDEX mail_mail_id;
CREATE INDEX mail_mail_id ON mail_mail (id);

-- Wizards are read and written by company and id (their primary key).
DROP INDEX embudo.transient_record_id;
