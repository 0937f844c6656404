-- The sender of quotation and meeting mail is one definition, embudo.mail_sender (mail/outbox.sql); the
-- calendar's copy goes.
DROP FUNCTION IF EXISTS embudo.calendar_sender(int);
