-- What the Alembic migrations make of an empty SQLite file, statement by statement.
-- Written by scripts/schema_snapshot.py; do not edit (see core/db/fresh.py).
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE accounts (
	name VARCHAR(200) NOT NULL, 
	industry VARCHAR(100), 
	size_band VARCHAR(20), 
	website VARCHAR(300), 
	country VARCHAR(2) NOT NULL, 
	subdivision VARCHAR(6), 
	city VARCHAR(120), 
	address TEXT, 
	timezone VARCHAR(64), 
	currency VARCHAR(3), 
	tier VARCHAR(40), 
	status VARCHAR(12) NOT NULL, 
	customer_since DATE, 
	lost_on DATE, 
	owner VARCHAR(120), 
	referred_by_id VARCHAR(36), 
	acquisition_cost BIGINT, 
	notes TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, updated_by VARCHAR(63), version INTEGER DEFAULT '1' NOT NULL, earlier_periods TEXT, 
	CONSTRAINT pk_accounts PRIMARY KEY (id), 
	CONSTRAINT fk_accounts_referred_by_id_accounts FOREIGN KEY(referred_by_id) REFERENCES accounts (id) ON DELETE SET NULL
);
CREATE INDEX ix_accounts_country ON accounts (country);
CREATE INDEX ix_accounts_name ON accounts (name);
CREATE INDEX ix_accounts_owner ON accounts (owner);
CREATE INDEX ix_accounts_referred_by_id ON accounts (referred_by_id);
CREATE INDEX ix_accounts_status ON accounts (status);
CREATE INDEX ix_accounts_tier ON accounts (tier);
CREATE TABLE country_notes (
	country VARCHAR(2) NOT NULL, 
	body TEXT NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, updated_by VARCHAR(63), version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_country_notes PRIMARY KEY (id)
);
CREATE INDEX ix_country_notes_country ON country_notes (country);
CREATE TABLE tags (
	id VARCHAR(36) NOT NULL, 
	name VARCHAR(80) NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_tags PRIMARY KEY (id), 
	CONSTRAINT uq_tags_name UNIQUE (name)
);
CREATE TABLE account_tags (
	account_id VARCHAR(36) NOT NULL, 
	tag_id VARCHAR(36) NOT NULL, 
	CONSTRAINT pk_account_tags PRIMARY KEY (account_id, tag_id), 
	CONSTRAINT fk_account_tags_account_id_accounts FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE, 
	CONSTRAINT fk_account_tags_tag_id_tags FOREIGN KEY(tag_id) REFERENCES tags (id) ON DELETE CASCADE
);
CREATE INDEX ix_account_tags_tag_id ON account_tags (tag_id);
CREATE TABLE contacts (
	account_id VARCHAR(36) NOT NULL, 
	given_name VARCHAR(120) NOT NULL, 
	family_name VARCHAR(120) NOT NULL, 
	name_order VARCHAR(12) NOT NULL, 
	honorific VARCHAR(60), 
	job_title VARCHAR(160), 
	buying_role VARCHAR(20), 
	emails JSON NOT NULL, 
	phones JSON NOT NULL, 
	preferred_channel VARCHAR(20), 
	preferred_language VARCHAR(35), 
	formality VARCHAR(10) NOT NULL, 
	country VARCHAR(2) NOT NULL, 
	subdivision VARCHAR(6), 
	city VARCHAR(120), 
	timezone VARCHAR(64) NOT NULL, 
	work_start VARCHAR(5), 
	work_end VARCHAR(5), 
	personal_notes TEXT, 
	how_we_met TEXT, 
	lawful_basis VARCHAR(30), 
	consent_given_on DATE, 
	consent_withdrawn_on DATE, 
	marketing_opt_in BOOLEAN NOT NULL, 
	stay_in_touch_days INTEGER, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, updated_by VARCHAR(63), version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_contacts PRIMARY KEY (id), 
	CONSTRAINT fk_contacts_account_id_accounts FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX ix_contacts_account_id ON contacts (account_id);
CREATE INDEX ix_contacts_family_name_given_name ON contacts (family_name, given_name);
CREATE TABLE deals (
	account_id VARCHAR(36) NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	amount BIGINT NOT NULL, 
	currency VARCHAR(3) NOT NULL, 
	status VARCHAR(6) NOT NULL, 
	closed_on DATE, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, stage VARCHAR(12), updated_by VARCHAR(63), version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_deals PRIMARY KEY (id), 
	CONSTRAINT fk_deals_account_id_accounts FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX ix_deals_account_id ON deals (account_id);
CREATE INDEX ix_deals_closed_on ON deals (closed_on);
CREATE TABLE interactions (
	account_id VARCHAR(36) NOT NULL, 
	kind VARCHAR(12) NOT NULL, 
	occurred_at DATETIME NOT NULL, 
	occurred_zone VARCHAR(64) NOT NULL, 
	duration_minutes INTEGER, 
	subject VARCHAR(300) NOT NULL, 
	notes TEXT, 
	outcome VARCHAR(300), 
	sentiment VARCHAR(10), 
	csat_score SMALLINT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, updated_by VARCHAR(63), version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_interactions PRIMARY KEY (id), 
	CONSTRAINT fk_interactions_account_id_accounts FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX ix_interactions_account_id ON interactions (account_id);
CREATE INDEX ix_interactions_occurred_at ON interactions (occurred_at);
CREATE TABLE contact_tags (
	contact_id VARCHAR(36) NOT NULL, 
	tag_id VARCHAR(36) NOT NULL, 
	CONSTRAINT pk_contact_tags PRIMARY KEY (contact_id, tag_id), 
	CONSTRAINT fk_contact_tags_contact_id_contacts FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE, 
	CONSTRAINT fk_contact_tags_tag_id_tags FOREIGN KEY(tag_id) REFERENCES tags (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_tags_tag_id ON contact_tags (tag_id);
CREATE TABLE follow_ups (
	contact_id VARCHAR(36), 
	account_id VARCHAR(36) NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	notes TEXT, 
	local_due VARCHAR(19) NOT NULL, 
	zone VARCHAR(64) NOT NULL, 
	due_at DATETIME NOT NULL, 
	duration_minutes INTEGER NOT NULL, 
	status VARCHAR(10) NOT NULL, 
	completed_at DATETIME, 
	snoozed_until DATETIME, 
	notified_at DATETIME, 
	rrule VARCHAR(300), 
	rrule_start VARCHAR(19), 
	move_to_working_day BOOLEAN NOT NULL, 
	origin VARCHAR(20) NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, updated_by VARCHAR(63), version INTEGER DEFAULT '1' NOT NULL, ics_uid TEXT, ics_sequence INTEGER DEFAULT '0' NOT NULL, 
	CONSTRAINT pk_follow_ups PRIMARY KEY (id), 
	CONSTRAINT fk_follow_ups_account_id_accounts FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE, 
	CONSTRAINT fk_follow_ups_contact_id_contacts FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_follow_ups_account_id ON follow_ups (account_id);
CREATE INDEX ix_follow_ups_contact_id ON follow_ups (contact_id);
CREATE INDEX ix_follow_ups_due_at ON follow_ups (due_at);
CREATE TABLE gifts (
	account_id VARCHAR(36) NOT NULL, 
	contact_id VARCHAR(36), 
	direction VARCHAR(8) NOT NULL, 
	description VARCHAR(300) NOT NULL, 
	occasion VARCHAR(120), 
	given_on DATE NOT NULL, 
	value BIGINT, 
	currency VARCHAR(3), 
	notes TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, updated_by VARCHAR(63), version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_gifts PRIMARY KEY (id), 
	CONSTRAINT fk_gifts_account_id_accounts FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE, 
	CONSTRAINT fk_gifts_contact_id_contacts FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE SET NULL
);
CREATE INDEX ix_gifts_account_id ON gifts (account_id);
CREATE INDEX ix_gifts_contact_id ON gifts (contact_id);
CREATE TABLE important_dates (
	id VARCHAR(36) NOT NULL, 
	contact_id VARCHAR(36) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	label VARCHAR(120), 
	month SMALLINT NOT NULL, 
	day SMALLINT NOT NULL, 
	year SMALLINT, 
	remind BOOLEAN NOT NULL, 
	CONSTRAINT pk_important_dates PRIMARY KEY (id), 
	CONSTRAINT fk_important_dates_contact_id_contacts FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_important_dates_contact_id ON important_dates (contact_id);
CREATE INDEX ix_important_dates_month_day ON important_dates (month, day);
CREATE TABLE interaction_participants (
	interaction_id VARCHAR(36) NOT NULL, 
	contact_id VARCHAR(36) NOT NULL, 
	CONSTRAINT pk_interaction_participants PRIMARY KEY (interaction_id, contact_id), 
	CONSTRAINT fk_interaction_participants_contact_id_contacts FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE, 
	CONSTRAINT fk_interaction_participants_interaction_id_interactions FOREIGN KEY(interaction_id) REFERENCES interactions (id) ON DELETE CASCADE
);
CREATE INDEX ix_interaction_participants_contact_id ON interaction_participants (contact_id);
CREATE TABLE notes (
	account_id VARCHAR(36), 
	contact_id VARCHAR(36), 
	body TEXT NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, updated_by VARCHAR(63), version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_notes PRIMARY KEY (id), 
	CONSTRAINT fk_notes_account_id_accounts FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE, 
	CONSTRAINT fk_notes_contact_id_contacts FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_notes_account_id ON notes (account_id);
CREATE INDEX ix_notes_contact_id ON notes (contact_id);
CREATE TABLE search_keys (rowid INTEGER NOT NULL, key TEXT NOT NULL);
CREATE INDEX ix_search_keys_key ON search_keys (key, rowid);
CREATE INDEX ix_search_keys_rowid ON search_keys (rowid);
CREATE TABLE exchange_rates (
	id VARCHAR(36) NOT NULL, 
	base VARCHAR(3) NOT NULL, 
	currency VARCHAR(3) NOT NULL, 
	rate VARCHAR(40) NOT NULL, 
	valid_on DATE NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	CONSTRAINT pk_exchange_rates PRIMARY KEY (id), 
	CONSTRAINT uq_exchange_rates_base_currency_valid_on UNIQUE (base, currency, valid_on)
);
CREATE TABLE contact_merges (
	id VARCHAR(36) NOT NULL, 
	kept_id VARCHAR(36) NOT NULL, 
	merged_ids JSON NOT NULL, 
	changes JSON NOT NULL, 
	merged_at DATETIME NOT NULL, 
	undone_at DATETIME, 
	CONSTRAINT pk_contact_merges PRIMARY KEY (id), 
	CONSTRAINT fk_contact_merges_kept_id_contacts FOREIGN KEY(kept_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_merges_kept_id ON contact_merges (kept_id);
CREATE INDEX ix_contact_merges_merged_at ON contact_merges (merged_at);
CREATE TABLE users (
	login VARCHAR(63) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	email VARCHAR(320), 
	role VARCHAR(12) NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	updated_by VARCHAR(63), 
	version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_users PRIMARY KEY (id), 
	CONSTRAINT uq_users_login UNIQUE (login)
);
CREATE TABLE "settings" (
	"key" VARCHAR(160) NOT NULL, 
	value JSON NOT NULL, 
	updated_at DATETIME NOT NULL, 
	CONSTRAINT pk_settings PRIMARY KEY ("key")
);
CREATE VIRTUAL TABLE "search_fts" USING fts5(title, body, tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co Mn Mc'", prefix = '1 2 3');
CREATE INDEX ix_follow_ups_status_due ON follow_ups (status, due_at, id, deleted_at, account_id, contact_id);
CREATE INDEX ix_contacts_place_hours ON contacts (country, subdivision, timezone, work_start, work_end, deleted_at);
CREATE INDEX ix_accounts_trashed ON accounts (id) WHERE deleted_at IS NOT NULL;
CREATE INDEX ix_contacts_trashed ON contacts (id) WHERE deleted_at IS NOT NULL;
CREATE TABLE search_docs (rowid INTEGER PRIMARY KEY AUTOINCREMENT, ref TEXT NOT NULL UNIQUE, kind TEXT NOT NULL);
CREATE TABLE "survey_responses" (
	account_id VARCHAR(36) NOT NULL, 
	contact_id VARCHAR(36), 
	kind VARCHAR(4) NOT NULL, 
	score SMALLINT NOT NULL, 
	answered_on DATE NOT NULL, 
	comment TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	updated_by VARCHAR(63), 
	version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_survey_responses PRIMARY KEY (id), 
	CONSTRAINT fk_survey_responses_account_id_accounts FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE, 
	CONSTRAINT fk_survey_responses_contact_id_contacts FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_survey_responses_account_id ON survey_responses (account_id);
CREATE INDEX ix_survey_responses_answered_on ON survey_responses (answered_on);
CREATE INDEX ix_survey_responses_contact_id ON survey_responses (contact_id);
CREATE TABLE account_merges (
	id VARCHAR(36) NOT NULL, 
	kept_id VARCHAR(36) NOT NULL, 
	merged_ids JSON NOT NULL, 
	changes JSON NOT NULL, 
	merged_at DATETIME NOT NULL, 
	undone_at DATETIME, 
	CONSTRAINT pk_account_merges PRIMARY KEY (id), 
	CONSTRAINT fk_account_merges_kept_id_accounts FOREIGN KEY(kept_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX ix_account_merges_kept_id ON account_merges (kept_id);
CREATE INDEX ix_account_merges_merged_at ON account_merges (merged_at);
CREATE TABLE unfinished_erasures (
	id VARCHAR(36) NOT NULL, 
	contact_ids JSON NOT NULL, 
	erased_at DATETIME NOT NULL, 
	file_rebuilt BOOLEAN NOT NULL, 
	CONSTRAINT pk_unfinished_erasures PRIMARY KEY (id)
);
INSERT INTO "alembic_version" VALUES ('0018');
INSERT INTO "search_fts"("search_fts", rank) VALUES ('hashsize', 1048576);
