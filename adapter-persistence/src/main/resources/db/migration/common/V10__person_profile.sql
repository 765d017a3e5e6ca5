-- A person as Bitrix24 shows one: NAME (the existing name column), LAST_NAME, WORK_POSITION and
-- GENDER. Unbounded like name: the operator's input, checked by the admin API.
ALTER TABLE portal_user ADD COLUMN last_name VARCHAR;
ALTER TABLE portal_user ADD COLUMN work_position VARCHAR;
ALTER TABLE portal_user ADD COLUMN gender CHAR(1);
ALTER TABLE portal_user ADD CONSTRAINT portal_user_gender_ck CHECK (gender IN ('M', 'F'));
