-- "Send by email" opens Odoo's composer (issue 22): the wizard mail.compose.message.
INSERT INTO ir_model (model, name, transient) VALUES ('mail.compose.message', 'Email composition wizard', true);
