-- Mail and domains (issue 18): mail domains requested by company administrators wait for the operator's
-- DNS check; the rules of outgoing mail and of domains are in sql/modules/mail/outbox.sql and
-- sql/modules/crm/mail_gateway.sql.

-- A company administrator's request for a mail domain, waiting for the operator's DNS check: the
-- record `_embudo-challenge.<domain>` must hold the TXT value `token`. Requests expire after 7 days.
-- Only the owner's functions and the operator read it: which company asked for which domain is nobody
-- else's business.
CREATE TABLE embudo.alias_domain_request (
    company_id int NOT NULL REFERENCES res_company (id) ON DELETE CASCADE,
    domain text NOT NULL,
    token text NOT NULL,
    requested_by int REFERENCES res_users (id) ON DELETE SET NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, domain)
);
COMMENT ON TABLE embudo.alias_domain_request IS
    'Mail domains requested by company administrators; `embudo company verify-domains` assigns those whose TXT record _embudo-challenge.<domain> holds the token.';

-- Company administrators no longer write the mail domain (sql/modules/crm/mail_gateway.sql).
REVOKE UPDATE (alias_domain) ON res_company FROM embudo_service;

-- mail_claim returns one more column (the Message-ID recorded at queue time); the modules create it again.
DROP FUNCTION IF EXISTS embudo.mail_claim(int, interval);
