-- A salesperson_key of 0 means "no salesperson" (migrations 0024 and 0026): no user may have id 0,
-- whose documents every member with "own documents" would then see. Ids are drawn from 1, but the
-- owner or a restore could insert one (OVERRIDING SYSTEM VALUE); nothing may.
ALTER TABLE res_users ADD CONSTRAINT res_users_id_positive CHECK (id > 0);
