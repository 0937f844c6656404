-- Spanish first (issue 21): a company's language, chosen when it is created (`embudo company create
-- --lang es_MX`), names everything Embudo creates for it (stages, team, lost reasons, activity types,
-- pricelist, payment terms: the seed triggers of sql/modules/*/defaults.sql) and chooses its currency.
ALTER TABLE res_company ADD COLUMN lang text NOT NULL DEFAULT 'en_US' REFERENCES res_lang (code);

-- The languages a company or a user may choose: Mexican Spanish first, Spain's, Latin America's, English.
UPDATE res_lang SET active = true WHERE code IN ('es_MX', 'es_ES', 'en_US');
INSERT INTO res_lang (name, code, iso_code, direction, active)
SELECT 'Spanish (Latin America) / Español (América Latina)', 'es_419', 'es_419', 'ltr', true
WHERE NOT EXISTS (SELECT 1 FROM res_lang WHERE code = 'es_419');
INSERT INTO ir_model_data (module, name, model, res_id)
SELECT 'base', 'lang_es_419', 'res.lang', id FROM res_lang WHERE code = 'es_419'
  AND NOT EXISTS (SELECT 1 FROM ir_model_data WHERE module = 'base' AND name = 'lang_es_419');

-- create_company takes the language now; sql/modules/base/companies.sql defines it again.
DROP FUNCTION IF EXISTS embudo.create_company(text);
