-- embudo.document_visible is gone: the activities' trigger reads the document once, visibility included
-- (sql/modules/activities/activities.sql).
DROP FUNCTION IF EXISTS embudo.document_visible(text, int);
