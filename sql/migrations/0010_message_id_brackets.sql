-- mail.message.message_id keeps its angle brackets, as Odoo stores and compares it (issue 21); the
-- messages the gateway stored bare get them. (mail.mail's stays bare: the delivery worker's own.)
UPDATE mail_message SET message_id = '<' || message_id || '>' WHERE message_id IS NOT NULL AND message_id NOT LIKE '<%>';
